import { Result } from 'antd';

/**
 * Ant Design's Result (403 / 404 with their pictures), in a chunk of its own: its illustrations
 * weigh more than the rest of the console's frame and a working screen never shows them.
 */
export default Result;
