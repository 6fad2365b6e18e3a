import { parseConfig } from '../shared/app.js';

describe('parseConfig', () => {
  test('reads key=value', () => {
    return expect(parseConfig('port=8080')).resolves.toEqual({ port: '8080' });
  });
});
