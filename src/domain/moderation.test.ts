import { describe, expect, it } from "vitest";
import { canEditWork, canReadWork, type Account, type Role, type WorkAccess } from "./account.js";
import { canActOnUser, canModerate, isIndefiniteSuspension, suspensionEnd, SUSPENDED_UNTIL_LIFTED } from "./moderation.js";

function account(id: number, role: Role, suspendedUntil: string | null = null): Account {
  return { id, login: `user${id}`, role, suspended: suspendedUntil !== null, suspendedUntil };
}

describe("who may act on whom", () => {
  const moderator = account(1, "moderator");
  const admin = account(2, "admin");

  it("lets a moderator act on readers and authors, an admin on moderators too, and nobody on an admin or themselves", () => {
    expect(canActOnUser(moderator, account(10, "reader"))).toBe(true);
    expect(canActOnUser(moderator, account(11, "author"))).toBe(true);
    expect(canActOnUser(moderator, account(12, "moderator"))).toBe(false);
    expect(canActOnUser(moderator, account(13, "admin"))).toBe(false);
    expect(canActOnUser(admin, account(12, "moderator"))).toBe(true);
    expect(canActOnUser(admin, account(13, "admin"))).toBe(false);
    expect(canActOnUser(moderator, moderator)).toBe(false);
    expect(canActOnUser(admin, admin)).toBe(false);
  });

  it("lets no reader, author or suspended moderator moderate", () => {
    expect(canModerate(null)).toBe(false);
    expect(canModerate(account(3, "author"))).toBe(false);
    const suspended = account(4, "moderator", "2027-01-01T00:00:00.000Z");
    expect(canModerate(suspended)).toBe(false);
    expect(canActOnUser(suspended, account(10, "reader"))).toBe(false);
  });
});

describe("suspensions", () => {
  it("end N days from now, or on the far date that means until lifted", () => {
    expect(suspensionEnd(new Date("2026-11-30T12:00:00.000Z"), 7)).toBe("2026-12-07T12:00:00.000Z");
    expect(suspensionEnd(new Date("2026-11-30T12:00:00.000Z"), null)).toBe(SUSPENDED_UNTIL_LIFTED);
    expect(isIndefiniteSuspension(SUSPENDED_UNTIL_LIFTED)).toBe(true);
    expect(isIndefiniteSuspension("2026-12-07T12:00:00.000Z")).toBe(false);
  });
});

describe("a hidden work", () => {
  const hidden: WorkAccess = { visibility: "public", hiddenByModerator: true, creatorUserIds: [5], unrevealedTo: [] };

  it("stays readable and editable by its creators, readable by moderators, and is gone for everyone else", () => {
    expect(canReadWork(account(5, "author"), hidden)).toBe(true);
    expect(canEditWork(account(5, "author"), hidden)).toBe(true);
    expect(canReadWork(account(1, "moderator"), hidden)).toBe(true);
    expect(canEditWork(account(1, "moderator"), hidden)).toBe(false);
    expect(canReadWork(account(6, "reader"), hidden)).toBe(false);
    expect(canReadWork(null, hidden)).toBe(false);
    // A suspended creator still reads it, and edits nothing.
    expect(canReadWork(account(5, "author", "2027-01-01T00:00:00.000Z"), hidden)).toBe(true);
    expect(canEditWork(account(5, "author", "2027-01-01T00:00:00.000Z"), hidden)).toBe(false);
  });
});
