/** Every migration, by name; names sort in the order they apply. */
import type { Migration } from "kysely";
import type { Engine } from "../dialects/engine.js";
import { libraryMigration } from "./0001-library.js";
import { vocabularyMigration } from "./0002-vocabulary.js";
import { reviewMigration } from "./0003-review.js";
import { changeStampMigration } from "./0004-change-stamp.js";
import { accountsMigration } from "./0005-accounts.js";
import { postingMigration } from "./0007-posting.js";
import { communityMigration } from "./0008-community.js";
import { moderationMigration } from "./0009-moderation.js";
import { apiTokensMigration } from "./0010-api-tokens.js";
import { workSignaturesMigration } from "./0011-work-signatures.js";
import { tagWranglersMigration } from "./0012-tag-wranglers.js";
import { reviewDeskMigration } from "./0013-review-desk.js";
import { collectionsMigration } from "./0014-collections.js";
import { challengesMigration } from "./0015-challenges.js";
import { volunteerDeskMigration } from "./0016-volunteer-desk.js";
import { labelRulesMigration } from "./0017-label-rules.js";

export function migrations(engine: Engine): Record<string, Migration> {
  return {
    "0001-library": libraryMigration(engine),
    "0002-vocabulary": vocabularyMigration(engine),
    "0003-review": reviewMigration(engine),
    "0004-change-stamp": changeStampMigration(),
    "0005-accounts": accountsMigration(engine),
    "0007-posting": postingMigration(),
    "0008-community": communityMigration(),
    "0009-moderation": moderationMigration(),
    "0010-api-tokens": apiTokensMigration(engine),
    "0011-work-signatures": workSignaturesMigration(),
    "0012-tag-wranglers": tagWranglersMigration(),
    "0013-review-desk": reviewDeskMigration(engine),
    "0014-collections": collectionsMigration(),
    "0015-challenges": challengesMigration(engine),
    "0016-volunteer-desk": volunteerDeskMigration(engine),
    "0017-label-rules": labelRulesMigration(),
  };
}
