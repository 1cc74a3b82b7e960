import type { CalibrationMessageKey } from './en-calibration';

/** 模型页上说明在用模型的概率如何重新校准的简体中文文本。 */
export const zhCNCalibration: Record<CalibrationMessageKey, string> = {
  'model.summary.calibration': '概率',
  'calibration.shift':
    '已调整到最近训练结果的正例比例；在较晚结果上的校准误差调整前 {before}，调整后 {after}（一个完全校准的模型因随机性约为 {floor}）',
  'calibration.platt':
    '已用留出结果做 Platt 缩放；在较晚结果上的校准误差调整前 {before}，调整后 {after}（一个完全校准的模型因随机性约为 {floor}）',
};
