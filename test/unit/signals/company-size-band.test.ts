import { companySizeBand } from '../../../src/domain/signals/company-size-band';

describe('company size bands', () => {
  it.each([
    [0, '1-10'],
    [1, '1-10'],
    [10, '1-10'],
    [11, '11-50'],
    [50, '11-50'],
    [51, '51-200'],
    [200, '51-200'],
    [201, '201-500'],
    [500, '201-500'],
    [501, '501-1000'],
    [1000, '501-1000'],
    [1001, '1001-5000'],
    [5000, '1001-5000'],
    [5001, '5001-10000'],
    [10000, '5001-10000'],
    [10001, '10001+'],
    [10_000_000, '10001+'],
  ])('a company of %i employees is in the %s band', (employees, band) => {
    expect(companySizeBand(employees)).toBe(band);
  });

  it('a company whose head count is not given has no band', () => {
    expect(companySizeBand()).toBeNull();
    expect(companySizeBand(undefined)).toBeNull();
  });

  it('a head count that is not a count has no band rather than a wrong one', () => {
    expect(companySizeBand(-1)).toBeNull();
    expect(companySizeBand(Number.NaN)).toBeNull();
    expect(companySizeBand(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
