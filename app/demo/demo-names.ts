/** Fictional names only: any likeness to a real person or company is accidental. */
export const EN_FIRST = ['Alice', 'Ben', 'Chloe', 'Daniel', 'Emma', 'Frank', 'Grace', 'Henry', 'Isla', 'James', 'Kate', 'Liam', 'Maya', 'Noah', 'Olivia', 'Peter', 'Ruth', 'Samuel', 'Tara', 'Victor', 'Wendy', 'Oscar', 'Nadia', 'Leo'] as const;
export const EN_LAST = ['Anderson', 'Brooks', 'Carter', 'Dawson', 'Ellis', 'Fletcher', 'Gordon', 'Hughes', 'Irving', 'Jensen', 'Keller', 'Lawson', 'Morgan', 'Novak', 'Owens', 'Patel', 'Quinn', 'Reed', 'Sutton', 'Turner', 'Walsh', 'Young'] as const;
export const ZH_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'] as const;
export const ZH_SURNAME_PINYIN: Record<string, string> = {
  王: 'wang', 李: 'li', 张: 'zhang', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang', 赵: 'zhao', 吴: 'wu', 周: 'zhou',
  徐: 'xu', 孙: 'sun', 马: 'ma', 朱: 'zhu', 胡: 'hu', 郭: 'guo', 何: 'he', 林: 'lin', 罗: 'luo', 高: 'gao',
};
export const ZH_GIVEN = ['芳', '伟', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '建华', '晓东', '海燕', '文博', '子涵', '思远'] as const;

export interface City {
  en: string;
  zh: string;
  phonePrefix: string;
}
export const CN_CITIES: readonly City[] = [
  { en: 'Shanghai', zh: '上海', phonePrefix: '+86 139' },
  { en: 'Beijing', zh: '北京', phonePrefix: '+86 138' },
  { en: 'Shenzhen', zh: '深圳', phonePrefix: '+86 137' },
  { en: 'Hangzhou', zh: '杭州', phonePrefix: '+86 136' },
  { en: 'Guangzhou', zh: '广州', phonePrefix: '+86 135' },
  { en: 'Chengdu', zh: '成都', phonePrefix: '+86 158' },
  { en: 'Suzhou', zh: '苏州', phonePrefix: '+86 159' },
];
export const EN_CITIES: readonly City[] = [
  { en: 'Hong Kong', zh: '香港', phonePrefix: '+852 9' },
  { en: 'Singapore', zh: '新加坡', phonePrefix: '+65 8' },
  { en: 'London', zh: '伦敦', phonePrefix: '+44 7700' },
  { en: 'Shanghai', zh: '上海', phonePrefix: '+86 139' },
];

export const ZH_BRANDS = ['华信', '鼎盛', '恒远', '博瑞', '嘉和', '锦程', '瑞丰', '康达', '新禾', '明达', '启航', '宏泰'] as const;
export const EN_BRANDS = ['Harbor Lane', 'Bluestone', 'Northgate', 'Silver Birch', 'Redwood', 'Kestrel', 'Meadowbank', 'Ironbridge', 'Lumen', 'Copperfield'] as const;

/** Sector key, English and Chinese trade words, and typical revenue per employee. */
export const SECTORS = [
  { key: 'manufacturing', en: 'Precision Parts', zh: '精密制造', revenuePerHead: 900_000 },
  { key: 'logistics', en: 'Logistics', zh: '物流', revenuePerHead: 700_000 },
  { key: 'retail', en: 'Trading', zh: '商贸', revenuePerHead: 1_200_000 },
  { key: 'hospitality', en: 'Kitchens', zh: '餐饮管理', revenuePerHead: 350_000 },
  { key: 'technology', en: 'Software', zh: '电子科技', revenuePerHead: 1_000_000 },
  { key: 'construction', en: 'Building Supplies', zh: '建材', revenuePerHead: 800_000 },
  { key: 'healthcare', en: 'Medical Devices', zh: '医疗器械', revenuePerHead: 1_100_000 },
  { key: 'apparel', en: 'Apparel', zh: '服装', revenuePerHead: 500_000 },
] as const;

export const OCCUPATIONS = [
  { en: 'Software engineer', zh: '软件工程师', income: 420_000, stable: true },
  { en: 'Teacher', zh: '教师', income: 180_000, stable: true },
  { en: 'Physician', zh: '医生', income: 520_000, stable: true },
  { en: 'Civil servant', zh: '公务员', income: 200_000, stable: true },
  { en: 'Sales manager', zh: '销售经理', income: 300_000, stable: false },
  { en: 'Shop owner', zh: '个体经营者', income: 260_000, stable: false },
  { en: 'Freelance designer', zh: '自由设计师', income: 160_000, stable: false },
  { en: 'Accountant', zh: '会计', income: 220_000, stable: true },
  { en: 'Retired', zh: '退休', income: 90_000, stable: true },
  { en: 'Nurse', zh: '护士', income: 150_000, stable: true },
  { en: 'Lawyer', zh: '律师', income: 600_000, stable: true },
  { en: 'Graduate student', zh: '研究生', income: 40_000, stable: false },
] as const;
