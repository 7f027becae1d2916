import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "../domain/errors.js";
import { schemaProblems, validationProblems } from "./form-problems.js";

describe("form problems", () => {
  it("keep the first problem of each field the schema found", () => {
    const schema = z.object({ login: z.string().min(3, "Too short.").regex(/^a/u, "Starts with a."), email: z.string({ error: "An address is needed." }) });
    const parsed = schema.safeParse({ login: "b" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(schemaProblems(parsed.error)).toEqual({ login: "Too short.", email: "An address is needed." });
  });

  it("turn a ValidationError into its fields and let other errors through", async () => {
    expect(await validationProblems(async () => undefined)).toBeNull();
    expect(await validationProblems(async () => { throw new ValidationError({ name: "Taken." }); })).toEqual({ name: "Taken." });
    await expect(validationProblems(async () => { throw new Error("disk full"); })).rejects.toThrow("disk full");
  });
});
