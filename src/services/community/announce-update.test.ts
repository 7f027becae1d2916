import { afterEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "../mail/mailer.js";
import { mailUpdate } from "./announce-update.js";

describe("mailUpdate", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("sends the rest when one mail fails, logs the failure and counts it, and never throws", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const sent: string[] = [];
    const mailer = {
      send: async (message: MailMessage) => {
        if (message.to === "down@example.test") throw new Error("connection refused");
        sent.push(message.to);
      },
    };
    const mail = ["first@example.test", "down@example.test", "last@example.test"].map((to) => ({ to, subject: "A new work", text: "Read it." }));
    await expect(mailUpdate(mailer, { told: [1, 2, 3], mail })).resolves.toBe(1);
    expect(sent).toEqual(["first@example.test", "last@example.test"]);
    expect(logged).toHaveBeenCalledOnce();
    expect(String(logged.mock.calls[0]?.[0])).toContain("down@example.test");
  });
});
