import { constants } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { missingTool } from "../scripts/missing-tool.js";

describe("missingTool", () => {
  it("finds a program that is there and may run", () => {
    expect(missingTool("node", process.execPath, "install Node.js")).toBeNull();
  });

  it("names what is missing, where, and what to do", () => {
    expect(missingTool("jing", "/nonexistent/jing", "install jing")).toBe("no jing at /nonexistent/jing: install jing");
  });

  it("asks only what the tool needs: a jar is read, not run", () => {
    const readable = fileURLToPath(import.meta.url);
    expect(missingTool("a jar", readable, "remedy", constants.R_OK)).toBeNull();
    expect(missingTool("a program", readable, "remedy")).toBe(`no a program at ${readable}: remedy`);
  });
});
