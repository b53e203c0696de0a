import { describe, expect, it } from '@jest/globals';
import { parseCredentialsArgs } from './credentials-args';

describe('npm run credentials -- …', () => {
  it.each([
    [['create', '--name', 'Aigerim', '--role', 'editor'], { command: 'create', name: 'Aigerim', role: 'editor' }],
    [['create', '--role=viewer', '--name=Desk bot'], { command: 'create', name: 'Desk bot', role: 'viewer' }],
    [['list'], { command: 'list' }],
    [
      ['revoke', '0F8C3D1E-9A7B-4C2D-8E6F-0A1B2C3D4E5F'],
      { command: 'revoke', id: '0f8c3d1e-9a7b-4c2d-8e6f-0a1b2c3d4e5f' },
    ],
  ])('reads %j', (argv, expected) => {
    expect(parseCredentialsArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], 'no command given'],
    [['delete'], 'unknown command "delete"'],
    [['create', '--role', 'editor'], '--name must be'],
    [['create', '--name', ' Aigerim', '--role', 'editor'], '--name must be'],
    [['create', '--name', 'Aigerim', '--role', 'owner'], '--role must be one of viewer, editor, admin'],
    [['revoke'], 'revoke needs a credential id'],
    [['revoke', 'not-a-uuid'], 'revoke needs a credential id'],
    [['list', '--colour'], "Unknown option '--colour'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCredentialsArgs(argv)).toThrow(message);
  });
});
