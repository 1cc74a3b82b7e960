/** English text of what is wrong with a client's profile or questionnaire answers. */
export const enClient = {
  'client.issue.notANumber': '{field} must be a number.',
  'client.issue.negative': '{field} cannot be negative.',
  'client.issue.nameRequired': 'Name is required.',
  'client.issue.nameTooLong': 'Name is longer than {max} characters.',
  'client.issue.email': 'Email address is not valid.',
  'client.issue.phone': 'Phone number may contain only digits, spaces, +, - and brackets.',
  'client.issue.birthDateRequired': 'Date of birth is required for an individual.',
  'client.issue.birthDateInvalid': 'Date of birth must be a real date (YYYY-MM-DD).',
  'client.issue.birthDateFuture': 'Date of birth cannot be in the future.',
  'client.issue.birthDateTooEarly': 'Date of birth is before {year}.',
  'client.issue.foundedDateRequired': 'Founding date is required for a business.',
  'client.issue.foundedDateInvalid': 'Founding date must be a real date (YYYY-MM-DD).',
  'client.issue.foundedDateFuture': 'Founding date cannot be in the future.',
  'client.issue.sectorRequired': 'Sector is required for a business.',
  'client.issue.investableOverTotal': 'Investable assets cannot exceed total assets.',
  'client.issue.dependents': 'Dependents must be a whole number from {min} to {max}.',
  'client.issue.creditScore': 'Credit score must be a whole number from {min} to {max}.',
  'client.issue.horizon': 'Investment horizon must be between {min} and {max} years.',
  'client.issue.experience': 'Years of experience must be a whole number from {min} to {max}.',
  'client.issue.kycInvalid': 'KYC review date must be a real date (YYYY-MM-DD).',
  'client.issue.kycFuture': 'KYC review date cannot be in the future.',
  /** The schema's own words, for anything the named checks above do not cover. */
  'client.issue.schema': '{field}: {detail}',
  /** Text a lower layer wrote in one language only (a rule-set check), passed on as it is. */
  'issue.text': '{text}',
  'client.issue.attributeName': 'Attribute names must be {min}–{max} characters and unique.',
  'client.issue.attributeNumber': 'Attribute {name} must be a number.',
  'questionnaire.issue.unanswered': 'Please answer this question.',
  'questionnaire.issue.unknownOption': 'This answer is not one of the options.',
  'store.busy':
    'Another program is writing to the database (an import from the command line, perhaps) and did not finish within {seconds} seconds; nothing was saved. Try again when it is done.',
  'store.full': 'The disk that holds the database is full; nothing was saved. Free some space and try again.',
  'store.readOnly':
    'The database file cannot be written (it or its folder is read-only); nothing was saved. Check the permissions of {file}.',
  'store.ioError':
    'The disk reported an error while reading or writing the database; nothing was saved. Try again, and check the disk if it repeats.',
  'store.keyMissing':
    'The database {file} is encrypted and no key was given. Set ADVISOR_DESK_DB_KEY to its key, or type the key when a terminal asks for it; the desktop app keeps its key in the system keychain.',
  'store.keyWrong':
    'The key does not open the encrypted database {file}: the key is wrong (or the file is not an Advisor Desk database). Set ADVISOR_DESK_DB_KEY to the right key.',
  'store.keyEmpty': 'An empty key would not protect anything; give a key of at least one character.',
  'store.alreadyEncrypted': 'The database {file} is already encrypted; use `store rekey` to change its key.',
  'store.notEncrypted': 'The database {file} is not encrypted; there is no key to remove or change.',
  'store.inUse':
    'The database {file} is open in Advisor Desk (the app, browser mode or another command); close it and try again. Nothing was changed.',
  'store.copyFailed':
    'The converted copy of {file} did not check out ({detail}); the database was left as it was and the copy removed.',
} satisfies Record<string, string>;

export type ClientMessageKey = keyof typeof enClient;
