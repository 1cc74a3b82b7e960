/** English text of how the live model's probabilities are recalibrated, as the Model page shows it. */
export const enCalibration = {
  'model.summary.calibration': 'Probabilities',
  'calibration.shift':
    'moved to the positive rate of the latest training outcomes; calibration error on the later outcomes {before} before, {after} after (a perfectly calibrated model would show about {floor} by chance)',
  'calibration.platt':
    'Platt-scaled on held-out outcomes; calibration error on the later outcomes {before} before, {after} after (a perfectly calibrated model would show about {floor} by chance)',
} satisfies Record<string, string>;
export type CalibrationMessageKey = keyof typeof enCalibration;
