import { describe, expect, it } from 'vitest';
import { pathsLoadedBy } from './page-probes.ts';

describe('pathsLoadedBy', () => {
  const resources = [
    { path: '/assets/index-a.js', responseEnd: 100 },
    { path: '/assets/index-b.css', responseEnd: 120 },
    { path: '/v1/chatbots/demo/organizations', responseEnd: 300 },
    { path: '/assets/OrganizationsPage-c.js', responseEnd: 250 },
    { path: '/assets/QuickLookupPalette-d.js', responseEnd: 420 },
    { path: '/assets/index-a.js', responseEnd: 900 },
  ];

  it('counts the files of a kind that arrived by the moment, each once', () => {
    expect(pathsLoadedBy(resources, '.js', 400)).toEqual([
      '/assets/index-a.js',
      '/assets/OrganizationsPage-c.js',
    ]);
  });

  it('counts every file of a kind without a moment', () => {
    expect(pathsLoadedBy(resources, '.js')).toEqual([
      '/assets/index-a.js',
      '/assets/OrganizationsPage-c.js',
      '/assets/QuickLookupPalette-d.js',
    ]);
    expect(pathsLoadedBy(resources, '.css')).toEqual(['/assets/index-b.css']);
  });
});
