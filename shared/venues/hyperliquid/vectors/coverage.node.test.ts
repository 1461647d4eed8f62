import { describe, expect, it } from "vitest";
import { FORMATS, vectorFiles } from "../../../../test/node/hl-fixtures";

describe("every vector file is read by some suite", () => {
  for (const f of vectorFiles()) {
    it(f.file, () => {
      const readers = Object.entries(FORMATS).filter(([, match]) => match(f)).map(([k]) => k);
      expect(readers, `no suite recognises the format of ${f.file}`).not.toEqual([]);
    });
  }
});
