// The framed lookup's sign-in (server/auth/frame-sign-in-routes.ts): the one-time code its sign-in
// pop-up posted to it is swapped for a session of the frame's own.
import { apiPath, request } from '../client.ts';
import { addOperationLabels } from '../permissions.ts';
import * as v from '../validate.ts';

addOperationLabels({ redeemFrameSignInCode: 'finish signing in' });

const redeemedSchema = v.object({
  signedIn: v.boolean(),
  role: v.literals('viewer', 'agent', 'admin'),
});

/** Where the pop-up begins: the console's page that ends by handing the frame its code. */
export const FRAME_SIGN_IN_PAGE = '/console/frame-sign-in';
/** The `type` of the pop-up's message (server/auth/frame-sign-in-page.ts). */
export const FRAME_SIGN_IN_MESSAGE = 'organizations-console:frame-sign-in';

export function redeemFrameSignInCode(code: string): Promise<{ signedIn: boolean }> {
  return request({
    operation: 'redeemFrameSignInCode',
    method: 'POST',
    path: apiPath('console', 'frame-sign-in', 'redeem'),
    body: { code },
    schema: redeemedSchema,
  });
}
