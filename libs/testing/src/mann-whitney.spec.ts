import { mannWhitneyU, median } from './mann-whitney';

describe('the two-sided Mann-Whitney U test', () => {
  it('finds two fully separated samples different (values worked out by hand)', () => {
    // U = 0 against a mean of 12.5; σ² = 25 · 11 / 12; z = (12.5 − 0.5) / σ.
    const result = mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    expect(result.u).toBe(0);
    expect(result.z).toBeCloseTo(-2.506718, 5);
    expect(result.p).toBeCloseTo(0.0121858, 6);
  });

  it('gives tied values their mean rank and corrects the variance for them', () => {
    // Ranks 1, 2 and 4.5 ×2 (the four 3s share ranks 3–6): U = 12 − 10 = 2;
    // σ² = 16/12 · (9 − 60 / 56); z = (8 − 2 − 0.5) / σ.
    const result = mannWhitneyU([1, 2, 3, 3], [3, 3, 4, 5]);
    expect(result.u).toBe(2);
    expect(result.z).toBeCloseTo(-1.691593, 5);
    expect(result.p).toBeCloseTo(0.0907236, 6);
  });

  it('is symmetric in its samples: U turns into its complement, p stays', () => {
    const a = [12.1, 11.8, 13.4, 12.9, 12.2, 14.0, 11.5];
    const b = [12.6, 13.1, 13.9, 14.2, 12.8, 13.3];
    const forwards = mannWhitneyU(a, b);
    const backwards = mannWhitneyU(b, a);
    expect(forwards.u + backwards.u).toBe(a.length * b.length);
    expect(backwards.z).toBeCloseTo(-forwards.z, 12);
    expect(backwards.p).toBeCloseTo(forwards.p, 12);
  });

  it('finds no difference between samples from one law, and one at a small shift of many values', () => {
    const sample = Array.from({ length: 1000 }, (_, index) => 20 + ((index * 7919) % 1000) / 1000);
    const same = mannWhitneyU(sample, [...sample].reverse());
    expect(same.u).toBe(500_000);
    expect(same.p).toBe(1);
    const shifted = mannWhitneyU(
      sample.map((value) => value + 0.05),
      sample,
    );
    expect(shifted.z).toBeGreaterThan(0);
    expect(shifted.p).toBeLessThan(0.01);
  });

  it('answers p = 1 when every value is the same, and refuses an empty sample', () => {
    expect(mannWhitneyU([5, 5, 5], [5, 5])).toEqual({ u: 3, z: 0, p: 1 });
    expect(() => mannWhitneyU([], [1])).toThrow('two non-empty samples');
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow('no median');
  });
});
