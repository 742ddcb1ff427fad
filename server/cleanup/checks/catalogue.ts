// The data-quality checks the scan runs: their names (stored with each finding), what the page
// says about each, and whether a check looks at one record alone or at all of them together.

export const RECORD_CHECKS = [
  'invalidEmail',
  'invalidWebsite',
  'missingName',
  'missingEmail',
  'missingWebsite',
  'missingCountry',
  'missingIndustry',
  'invalidSize',
  'markupOrControl',
  'surroundingSpaces',
  'countryVariant',
  'longName',
] as const;

/** Checks that compare records with each other: they are formed once the whole list is read. */
export const GROUP_CHECKS = [
  'industryVariant',
  'duplicateName',
  'duplicateWebsite',
  'duplicateEmailDomain',
] as const;

export type RecordCheck = (typeof RECORD_CHECKS)[number];
export type GroupCheck = (typeof GROUP_CHECKS)[number];
export type CheckName = RecordCheck | GroupCheck;
export const CHECK_NAMES: readonly CheckName[] = [...RECORD_CHECKS, ...GROUP_CHECKS];

export function isCheckName(value: string): value is CheckName {
  return (CHECK_NAMES as readonly string[]).includes(value);
}

export interface CheckDescription {
  title: string;
  /** One line: what the check found and why it matters. */
  explanation: string;
  /** Whether its findings carry a suggested fix (at least some of them). */
  fixes: boolean;
}

export const CHECKS: Readonly<Record<CheckName, CheckDescription>> = {
  invalidEmail: {
    title: 'Invalid e-mail',
    explanation: 'The e-mail is not an address like name@example.com; mail to it bounces.',
    fixes: true,
  },
  invalidWebsite: {
    title: 'Website without a scheme or not a URL',
    explanation: 'The website lacks http:// or https://, or is not a web address at all.',
    fixes: true,
  },
  missingName: {
    title: 'Missing name',
    explanation: 'The organization has no name, so nobody finds it by searching.',
    fixes: false,
  },
  missingEmail: {
    title: 'Missing e-mail',
    explanation: 'No e-mail address is stored.',
    fixes: false,
  },
  missingWebsite: {
    title: 'Missing website',
    explanation: 'No website is stored.',
    fixes: false,
  },
  missingCountry: {
    title: 'Missing country',
    explanation: 'The address has no country.',
    fixes: false,
  },
  missingIndustry: {
    title: 'Missing industry',
    explanation: 'No industry is stored, so the organization is missing from industry reports.',
    fixes: false,
  },
  invalidSize: {
    title: 'Size not a whole number',
    explanation: 'The size (employees) is negative or has a fraction.',
    fixes: true,
  },
  markupOrControl: {
    title: 'Markup or control characters',
    explanation: 'A field holds HTML tags or invisible control characters pasted from elsewhere.',
    fixes: true,
  },
  surroundingSpaces: {
    title: 'Leading or trailing spaces',
    explanation: 'A field starts or ends with spaces, which breaks matching and sorting.',
    fixes: true,
  },
  countryVariant: {
    title: 'Country written another way',
    explanation:
      'The country is a code or another language’s name; one name per country groups well.',
    fixes: true,
  },
  longName: {
    title: 'Name over 120 characters',
    explanation: 'The name is longer than 120 characters: likely a description pasted as a name.',
    fixes: false,
  },
  industryVariant: {
    title: 'Industry case variants',
    explanation: 'The same industry is written with different capitals or spaces.',
    fixes: true,
  },
  duplicateName: {
    title: 'Likely duplicates: same name',
    explanation: 'Names equal once case, accents and legal forms (GmbH, Ltd, Inc…) are ignored.',
    fixes: false,
  },
  duplicateWebsite: {
    title: 'Likely duplicates: same website',
    explanation: 'Websites point to the same domain once scheme, www. and path are ignored.',
    fixes: false,
  },
  duplicateEmailDomain: {
    title: 'Likely duplicates: same e-mail domain',
    explanation: 'E-mail addresses share a company domain (free-mail domains are left out).',
    fixes: false,
  },
};
