import * as simulator from '../../lib/simulator';

describe("the 'fastn-auth/simulator' entry", () => {
  it('exports exactly its public values', () => {
    expect(Object.keys(simulator).sort()).toEqual([
      'ENDPOINT_PATHS',
      'parseFaultSpec',
      'startSimulator',
    ]);
  });

  it('lists the three endpoint paths of the contract', () => {
    expect(simulator.ENDPOINT_PATHS).toEqual([
      '/ucl/connectorAuth/initialize',
      '/ucl/connectorAuth/status',
      '/ucl/connectorAuth',
    ]);
  });
});
