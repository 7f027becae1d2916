/** The pieces the account forms share: a labelled field with its problem beside it, and the list of problems above. */
import type { Child } from "hono/jsx";

export type FieldProblems = Readonly<Record<string, string>>;

/** What went wrong, listed at the top of a form that came back, each problem linked to its field. */
export function ProblemSummary(props: { problems: FieldProblems | null; fieldIds?: Readonly<Record<string, string>>; intro?: string }) {
  const entries = Object.entries(props.problems ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="errors" role="alert">
      <p>{props.intro ?? "Please put these right:"}</p>
      <ul>
        {entries.map(([field, problem]) => {
          const id = props.fieldIds?.[field];
          return <li>{id ? <a href={`#${id}`}>{problem}</a> : problem}</li>;
        })}
      </ul>
    </div>
  );
}

export interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "search";
  value?: string;
  problem?: string | undefined;
  hint?: Child;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  minlength?: number;
}

/** A labelled input; its hint and problem are tied to it for screen readers. */
export function TextField(props: TextFieldProps) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const problemId = props.problem ? `${props.id}-problem` : null;
  const describedBy = [problemId, hintId].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.problem && <span class="field-problem" id={problemId ?? undefined}>{props.problem}</span>}
      <input
        type={props.type ?? "text"} id={props.id} name={props.name} value={props.value ?? ""}
        autocomplete={props.autocomplete} required={props.required ?? false} maxlength={props.maxlength} minlength={props.minlength}
        aria-invalid={props.problem ? "true" : undefined} aria-describedby={describedBy || undefined}
      />
      {props.hint && <span class="hint" id={hintId ?? undefined}>{props.hint}</span>}
    </div>
  );
}
