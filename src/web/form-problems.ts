/** Problems with a form, field by field, whether the edge's schema or a service found them. */
import type { z } from "zod";
import { ValidationError } from "../domain/errors.js";

export type FormProblems = Record<string, string>;

/** The first problem the schema found with each field. */
export function schemaProblems(error: z.ZodError): FormProblems {
  const problems: FormProblems = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    problems[field] ??= issue.message;
  }
  return problems;
}

/** Runs the action; @returns the fields' problems when it threw a ValidationError, null when it went through. */
export async function validationProblems(action: () => Promise<unknown>): Promise<FormProblems | null> {
  try {
    await action();
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return { ...error.fields };
    throw error;
  }
}
