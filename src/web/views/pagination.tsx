/** Page links for a listing: first, last, the pages around this one, previous and next. */
import { formatNumber } from "./format.js";

/** The URL of the listing at another page, keeping every other parameter. */
export function pageUrl(path: string, params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page === 1) next.delete("page");
  else next.set("page", String(page));
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}

export function Pagination(props: { path: string; params: URLSearchParams; page: number; pages: number }) {
  const { path, params, page, pages } = props;
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items = shown.flatMap((p, i): (number | "gap")[] => ((shown[i - 1] ?? p - 1) < p - 1 ? ["gap", p] : [p]));
  return (
    <nav class="pagination" aria-label="Pages">
      <ol>
        {page > 1 && <li><a href={pageUrl(path, params, page - 1)} rel="prev">← Previous</a></li>}
        {items.map((p) => typeof p !== "number" ? <li><span aria-hidden="true">…</span></li> : (
          <li>{p === page ? <span aria-current="page">{formatNumber(p)}</span> : <a href={pageUrl(path, params, p)}>{formatNumber(p)}</a>}</li>
        ))}
        {page < pages && <li><a href={pageUrl(path, params, page + 1)} rel="next">Next →</a></li>}
      </ol>
    </nav>
  );
}
