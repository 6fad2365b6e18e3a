import * as chai from 'chai';
import chaiAsPromised from 'chai-as-promised';
import { fetchUser } from '../shared/app.js';

chai.use(chaiAsPromised);

describe('fetchUser (chai)', () => {
  it('resolves to Ada', () => {
    return chai.expect(fetchUser(1)).to.eventually.have.property('name', 'Ada');
  });
});
