import { describe, expect, it } from "vitest";
import { exportFileName, exportFileStem, uniqueExportFileNames } from "./file-name.js";

describe("export file names", () => {
  it("transliterates the title to safe ASCII", () => {
    expect(exportFileStem("Spike/Buffy: Poisons?")).toBe("Spike_Buffy_Poisons");
    expect(exportFileStem("Ночной дозор")).toBe("Nochnoy_dozor");
    expect(exportFileStem("Café au lait, s'il vous plaît")).toBe("Cafe_au_lait_sil_vous_plait");
    expect(exportFileStem("../../etc/passwd")).toBe("etc_passwd");
  });

  it("never leaves an empty or reserved name", () => {
    expect(exportFileStem("???")).toBe("work");
    expect(exportFileStem("CON")).toBe("work_CON");
    expect(exportFileName("", "epub")).toBe("work.epub");
  });

  it("keeps names short", () => {
    expect(exportFileStem("a very long title ".repeat(20)).length).toBeLessThanOrEqual(80);
  });

  it("makes the names of one batch unique without regard to case", () => {
    expect(uniqueExportFileNames(["Rain", "rain", "Rain!", "Snow"], "txt")).toEqual(["Rain.txt", "rain_2.txt", "Rain_3.txt", "Snow.txt"]);
  });
});
