// mocha + chai-as-promised: an `eventually` assertion that is not returned
// never fails the test.
import * as chai from 'chai';
import chaiAsPromised from 'chai-as-promised';
import { fetchUser } from './shared/app.js';

chai.use(chaiAsPromised);

describe('fetchUser (chai)', () => {
  it('resolves to Ada', () => {
    chai.expect(fetchUser(1)).to.eventually.have.property('name', 'Ada'); // expect-report
  });
});
