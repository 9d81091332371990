import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../js/api.js';

test("an API error says what the server said about each field", () => {
  const error = new ApiError(400, {
    detail: 'Invalid input',
    errors: [
      { field: 'trialConcurrency', message: 'must be at least 1, not 0' },
      { field: 'maxTrialNumber', message: 'must be a positive integer' },
    ],
  });
  assert.equal(error.message, 'trialConcurrency: must be at least 1, not 0; maxTrialNumber: must be a positive integer');
  assert.equal(error.status, 400);
});

test('without field errors the detail is the message, and without a body the status', () => {
  assert.equal(new ApiError(409, { detail: 'The experiment is not running.' }).message, 'The experiment is not running.');
  assert.equal(new ApiError(502, null).message, 'The server answered 502.');
});
