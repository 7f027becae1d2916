/**
 * The posting forms' fields: a label, the control, a hint and the problem with it right beside it (tied to the
 * control by aria-describedby, and marked aria-invalid), and the list of problems at the top of the form, each
 * linking to its field.
 */
import type { Child } from "hono/jsx";
import type { FieldProblems } from "../../domain/posting-limits.js";

/** The element id of the control a problem's field is on: `chapters.0.text` is `chapters-0-text`. */
export function fieldId(field: string): string {
  return field.replace(/[^A-Za-z0-9]+/gu, "-");
}

function describedBy(id: string, hint: boolean, problem: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter((v) => v !== null);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function FieldProblem(props: { id: string; problem: string | undefined }) {
  return props.problem ? <p class="field-error" id={`${props.id}-error`}>{props.problem}</p> : null;
}

interface FieldProps {
  /** The form field's name. */
  name: string;
  /** The key of its problems (defaults to its name). */
  field?: string;
  label: string;
  value: string;
  problems: FieldProblems;
  hint?: Child;
  required?: boolean;
}

export function TextField(props: FieldProps & { autocomplete?: string; tagType?: string; maxLength?: number; type?: "text" | "number"; min?: number; max?: number }) {
  const field = props.field ?? props.name;
  const id = fieldId(field);
  const problem = props.problems[field];
  return (
    <div class="field">
      <label for={id}>{props.label}{props.required ? " (required)" : ""}</label>
      <input
        type={props.type ?? "text"} id={id} name={props.name} value={props.value} required={props.required} maxlength={props.maxLength}
        min={props.min} max={props.max} data-autocomplete={props.autocomplete} data-tag-type={props.tagType}
        aria-describedby={describedBy(id, props.hint !== undefined, problem)} aria-invalid={problem ? "true" : undefined}
      />
      {props.hint !== undefined && <span class="hint" id={`${id}-hint`}>{props.hint}</span>}
      <FieldProblem id={id} problem={problem} />
    </div>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const field = props.field ?? props.name;
  const id = fieldId(field);
  const problem = props.problems[field];
  return (
    <div class="field">
      <label for={id}>{props.label}{props.required ? " (required)" : ""}</label>
      <textarea id={id} name={props.name} rows={props.rows ?? 4} aria-describedby={describedBy(id, props.hint !== undefined, problem)} aria-invalid={problem ? "true" : undefined}>
        {props.value}
      </textarea>
      {props.hint !== undefined && <span class="hint" id={`${id}-hint`}>{props.hint}</span>}
      <FieldProblem id={id} problem={problem} />
    </div>
  );
}

/** The form's problems, each a link to its field; nothing when there are none. */
export function ProblemSummary(props: { problems: FieldProblems; what: string }) {
  const entries = Object.entries(props.problems);
  if (entries.length === 0) return null;
  return (
    <div class="errors" role="alert">
      <p>{props.what} {entries.length === 1 ? "There is one thing to put right:" : `There are ${entries.length} things to put right:`}</p>
      <ul>{entries.map(([field, message]) => <li><a href={`#${fieldId(field)}`}>{message}</a></li>)}</ul>
    </div>
  );
}
