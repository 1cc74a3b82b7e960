/** English text of the tree-blend candidate of the model's settings choice, as the Model page shows it. */
export const enTrees16b = {
  'selection.about.blend':
    'even blend of a logistic regression (quantile bins) and 200 gradient-boosted trees grown on their own (depth 4, step 0.1; client and product ids split as ranges of hashed codes)',
} satisfies Record<string, string>;
export type Trees16bMessageKey = keyof typeof enTrees16b;
