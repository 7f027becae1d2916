/** For the archive's owner: where each field of a work came from, what the tagger inferred, and the files read. */
import type { WorkProvenance } from "../../services/archive/read-work.js";
import type { PageContext } from "../page-context.js";
import { formatNumber } from "./format.js";
import { Layout } from "./layout.js";

const SOURCE_LABELS: Record<string, string> = {
  header: "Stated in a header", byline: "From the byline", structured: "From the file's structure", inferred: "Inferred from the text", default: "Default (not stated)",
};

export function ProvenancePage(props: { page: PageContext; workId: number; provenance: WorkProvenance & { title: string } }) {
  const { page, workId, provenance } = props;
  const fields = Object.entries(provenance.fields);
  return (
    <Layout page={page} title={`Provenance - ${provenance.title}`}>
      <h1>Provenance of <a href={`/works/${workId}`}>{provenance.title}</a></h1>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Source files</h2>
        <table class="provenance">
          <thead><tr><th scope="col">File</th><th scope="col">Role</th><th scope="col">Format</th><th scope="col">Encoding</th><th scope="col" class="number">Bytes</th><th scope="col">Imported</th><th scope="col">SHA-256</th></tr></thead>
          <tbody>
            {provenance.sources.map((s) => (
              <tr><td>{s.path}</td><td>{s.role}</td><td>{s.format}</td><td>{s.encoding}</td><td class="number">{formatNumber(s.size)}</td><td>{s.imported_at.slice(0, 19).replace("T", " ")}</td><td><code>{s.content_hash.slice(0, 16)}…</code></td></tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">Fields</h2>
        <table class="provenance">
          <thead><tr><th scope="col">Field</th><th scope="col">Where it came from</th><th scope="col" class="number">Confidence</th><th scope="col">Evidence</th></tr></thead>
          <tbody>
            {fields.map(([field, p]) => (
              <tr><th scope="row">{field}</th><td>{SOURCE_LABELS[p.source] ?? p.source}</td><td class="number">{`${Math.round(p.confidence * 100)}%`}</td><td>{p.evidence}</td></tr>
            ))}
          </tbody>
        </table>
        {provenance.ratingRaw && <p>The file states its rating as “{provenance.ratingRaw}”.</p>}
      </section>
      <section aria-labelledby="inferred-heading">
        <h2 id="inferred-heading">Inferred by the tagger</h2>
        {provenance.inferred.length === 0 ? <p>Nothing was inferred: the file stated everything the tagger looks for.</p> : (
          <table class="provenance">
            <thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col" class="number">Confidence</th><th scope="col">Evidence</th><th scope="col">Review</th></tr></thead>
            <tbody>
              {provenance.inferred.map((v) => (
                <tr>
                  <td>{v.field}</td><td>{v.value}</td><td class="number">{`${Math.round(v.confidence * 100)}%`}</td><td>{v.evidence}</td>
                  <td>{v.decision === null ? "Not reviewed" : v.decision === "accepted" ? "Accepted" : v.correctedTo ? `Corrected to “${v.correctedTo}”` : "Removed"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {Object.keys(provenance.extra).length > 0 && (
        <section aria-labelledby="extra-heading">
          <h2 id="extra-heading">Other header fields</h2>
          <dl>{Object.entries(provenance.extra).map(([label, value]) => <><dt>{label}</dt><dd>{value}</dd></>)}</dl>
        </section>
      )}
    </Layout>
  );
}
