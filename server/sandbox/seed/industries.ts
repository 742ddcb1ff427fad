/** An industry as most records name it, the words companies in it use, and messy spellings. */
export interface Industry {
  name: string;
  words: readonly string[];
  /** How other clients and old imports spelled the same industry. */
  spellings: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  {
    name: 'Software',
    words: ['Software', 'Systems', 'Digital', 'Labs', 'Tech'],
    spellings: ['software', 'SaaS', 'Software '],
  },
  {
    name: 'IT Services',
    words: ['IT Solutions', 'Consulting', 'Networks', 'Data'],
    spellings: ['IT', 'it services', 'Information Technology'],
  },
  {
    name: 'Logistics',
    words: ['Logistics', 'Logistik', 'Freight', 'Spedition', 'Transport'],
    spellings: ['logistics', 'Transport & Logistics'],
  },
  {
    name: 'Manufacturing',
    words: ['Manufacturing', 'Werke', 'Industries', 'Metallbau', 'Fabrication'],
    spellings: ['manufacturing', 'Industrie'],
  },
  {
    name: 'Retail',
    words: ['Store', 'Handel', 'Market', 'Outlet', 'Shop'],
    spellings: ['retail', 'E-Commerce', 'Einzelhandel'],
  },
  {
    name: 'Healthcare',
    words: ['Health', 'Medical', 'Klinik', 'Care', 'Pharma'],
    spellings: ['healthcare', 'Health Care', 'Gesundheitswesen'],
  },
  {
    name: 'Financial Services',
    words: ['Capital', 'Finance', 'Invest', 'Partners', 'Treuhand'],
    spellings: ['Finance', 'financial services', 'FinTech'],
  },
  {
    name: 'Insurance',
    words: ['Insurance', 'Versicherung', 'Assurance', 'Underwriters'],
    spellings: ['insurance'],
  },
  {
    name: 'Construction',
    words: ['Bau', 'Construction', 'Builders', 'Hochbau', 'Contractors'],
    spellings: ['construction', 'Bauwesen'],
  },
  {
    name: 'Real Estate',
    words: ['Immobilien', 'Properties', 'Realty', 'Estates'],
    spellings: ['real estate', 'Property'],
  },
  {
    name: 'Hospitality',
    words: ['Hotels', 'Gastronomie', 'Resorts', 'Catering', 'Bistro'],
    spellings: ['hospitality', 'Hotel & Gastronomie'],
  },
  {
    name: 'Food & Beverage',
    words: ['Foods', 'Bäckerei', 'Brauerei', 'Coffee', 'Kitchen'],
    spellings: ['F&B', 'food and beverage', 'Food'],
  },
  {
    name: 'Education',
    words: ['Academy', 'Akademie', 'School', 'Learning', 'Institute'],
    spellings: ['education', 'EdTech'],
  },
  {
    name: 'Marketing & Advertising',
    words: ['Media', 'Werbeagentur', 'Creative', 'Studio', 'Agency'],
    spellings: ['Marketing', 'Advertising', 'marketing'],
  },
  {
    name: 'Legal Services',
    words: ['Legal', 'Rechtsanwälte', 'Law', 'Advocates'],
    spellings: ['Legal', 'law firm'],
  },
  {
    name: 'Automotive',
    words: ['Automotive', 'Autohaus', 'Motors', 'Cars', 'Kfz-Technik'],
    spellings: ['automotive', 'Auto'],
  },
  {
    name: 'Energy',
    words: ['Energy', 'Energie', 'Solar', 'Power', 'Wind'],
    spellings: ['energy', 'Renewables', 'Utilities'],
  },
  {
    name: 'Telecommunications',
    words: ['Telecom', 'Mobile', 'Connect', 'Fiber'],
    spellings: ['Telco', 'telecommunications'],
  },
  {
    name: 'Agriculture',
    words: ['Agrar', 'Farms', 'Landwirtschaft', 'Harvest', 'Seeds'],
    spellings: ['agriculture', 'AgriTech'],
  },
  {
    name: 'Tourism',
    words: ['Travel', 'Reisen', 'Tours', 'Voyages'],
    spellings: ['travel', 'Tourism & Travel'],
  },
  {
    name: 'Consulting',
    words: ['Consulting', 'Beratung', 'Advisory', 'Partners'],
    spellings: ['consulting', 'Management Consulting'],
  },
  {
    name: 'Nonprofit',
    words: ['Foundation', 'Stiftung', 'Verein', 'Initiative'],
    spellings: ['NGO', 'non-profit', 'Non-Profit'],
  },
  {
    name: 'Architecture',
    words: ['Architekten', 'Architects', 'Design', 'Planung'],
    spellings: ['architecture'],
  },
  {
    name: 'Fitness',
    words: ['Fitness', 'Gym', 'Sports', 'Wellness'],
    spellings: ['fitness', 'Sport & Fitness'],
  },
  { name: 'Printing', words: ['Druckerei', 'Print', 'Press', 'Graphics'], spellings: ['printing'] },
  {
    name: 'Cleaning Services',
    words: ['Cleaning', 'Gebäudereinigung', 'Facility Services'],
    spellings: ['cleaning', 'Facility Management'],
  },
];
