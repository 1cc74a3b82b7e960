/** English text of the tree-blend candidate of the model's settings choice, as the Model page shows it. */
export const enTrees16b = {
  'selection.about.blend':
    'even blend of a logistic regression (quantile bins) and 200 gradient-boosted trees grown on their own (depth 4, step 0.1; client and product ids split as ranges of hashed codes)',
  'selection.about.boosted-blend':
    'even blend of a factorization machine with 200 gradient-boosted trees on its residual (client and product ids left to the machine) and 200 trees grown on their own (ids split as ranges of hashed codes); depth 4, step 0.1',
} satisfies Record<string, string>;
export type Trees16bMessageKey = keyof typeof enTrees16b;
