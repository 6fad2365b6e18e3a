// A jest suite using the globals: the resolves assertion is dropped.
import { parseConfig } from './shared/app.js';

describe('parseConfig', () => {
  test('reads key=value', () => {
    expect(parseConfig('port=8080')).resolves.toEqual({ port: '8080' }); // expect-report
  });
});
