-- The acceptance score sheet as versioned data (issue 19 §2): a sheet (one county's, or the default
-- for every county without its own) with validity dates, its scored items in groups, bonus items
-- with tiers (the highest tier of one matter counts; the bonus total is capped) and veto items
-- (一票否决). A station is scored against the sheet in force on the day its acceptance opens.
--
-- Sheet 1 is a RECONSTRUCTION of the Fengdu (丰都) acceptance sheet (seed 004): the original text is
-- not available here. Its structure (57 items, 11 groups, 100 points, bonus 58–60 up to 10, four
-- veto grounds, pass mark 90) and the items named in the issue (27, 32, 33–36, 41, 53–54, 56–57) are
-- as described; the wording and points of the other items are ours (docs/stations.md).
CREATE TABLE stations_sheet (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code          VARCHAR(32)  NOT NULL,
  version       INT          NOT NULL,
  name          VARCHAR(128) NOT NULL,
  region_prefix VARCHAR(6)   NOT NULL,
  valid_from    DATE         NOT NULL,
  valid_to      DATE         NULL,
  total_points  DECIMAL(5,1) NOT NULL,
  pass_mark     DECIMAL(5,1) NOT NULL,
  bonus_cap     DECIMAL(5,1) NOT NULL,
  -- the sheet applies to stations with fewer service recipients than this (NULL: any)
  max_recipients INT         NULL,
  note          VARCHAR(500) NULL,
  CONSTRAINT uq_stations_sheet UNIQUE (code, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stations_sheet_item (
  sheet_id    BIGINT       NOT NULL,
  code        VARCHAR(8)   NOT NULL,
  sort_order  INT          NOT NULL,
  group_no    INT          NOT NULL,
  group_name  VARCHAR(32)  NOT NULL,
  kind        VARCHAR(8)   NOT NULL,
  text        VARCHAR(255) NOT NULL,
  points      DECIMAL(5,1) NOT NULL,
  source      VARCHAR(32)  NULL,
  CONSTRAINT pk_stations_sheet_item PRIMARY KEY (sheet_id, code),
  CONSTRAINT fk_stations_item_sheet FOREIGN KEY (sheet_id) REFERENCES stations_sheet (id),
  CONSTRAINT ck_stations_item_kind CHECK (kind IN ('SCORED', 'BONUS', 'VETO'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE stations_sheet_tier (
  sheet_id  BIGINT       NOT NULL,
  item_code VARCHAR(8)   NOT NULL,
  tier      INT          NOT NULL,
  label     VARCHAR(32)  NOT NULL,
  points    DECIMAL(5,1) NOT NULL,
  CONSTRAINT pk_stations_sheet_tier PRIMARY KEY (sheet_id, item_code, tier),
  CONSTRAINT fk_stations_tier_item FOREIGN KEY (sheet_id, item_code) REFERENCES stations_sheet_item (sheet_id, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO stations_sheet (id, code, version, name, region_prefix, valid_from, valid_to, total_points, pass_mark, bonus_cap, max_recipients, note)
VALUES (1, 'FENGDU', 1, '村（社区）退役军人服务站验收评分表（丰都，重建版）', '', '2025-01-01', NULL, 100.0, 90.0, 10.0, 100,
        '据 DOMAIN.md 与 issue 19 重建：结构、分值总数、加分上限、否决情形与及格线按原表，其余条目措辞与分值为重建');

INSERT INTO stations_sheet_item (sheet_id, code, sort_order, group_no, group_name, kind, text, points, source) VALUES
  (1, '1', 1, 1, '组织领导', 'SCORED', '成立服务站工作领导小组，明确分管领导和具体经办人', 2.0, NULL),
  (1, '2', 2, 1, '组织领导', 'SCORED', '统一挂牌，标识标牌、服务流程和制度上墙规范', 2.0, NULL),
  (1, '3', 3, 1, '组织领导', 'SCORED', '建立首问负责、限时办结、一次性告知等工作制度并落实', 2.0, NULL),
  (1, '4', 4, 1, '组织领导', 'SCORED', '每季度至少研究一次退役军人工作，有会议记录', 2.0, NULL),
  (1, '5', 5, 1, '组织领导', 'SCORED', '退役军人服务工作纳入村（社区）年度目标考核', 2.0, NULL),
  (1, '6', 6, 2, '工作保障', 'SCORED', '有固定办公场所，面积符合建设标准', 2.0, NULL),
  (1, '7', 7, 2, '工作保障', 'SCORED', '设置服务窗口（服务大厅），公示服务事项', 2.0, NULL),
  (1, '8', 8, 2, '工作保障', 'SCORED', '配备专（兼）职工作人员，人员相对稳定', 2.0, NULL),
  (1, '9', 9, 2, '工作保障', 'SCORED', '工作人员按要求参加上级组织的业务培训', 2.0, NULL),
  (1, '10', 10, 2, '工作保障', 'SCORED', '工作经费有保障，纳入村（社区）年度预算', 2.0, NULL),
  (1, '11', 11, 2, '工作保障', 'SCORED', '配备电脑、打印机、档案柜等必要办公设备', 2.0, NULL),
  (1, '12', 12, 2, '工作保障', 'SCORED', '设立档案室（档案柜），档案分类管理规范', 1.0, NULL),
  (1, '13', 13, 2, '工作保障', 'SCORED', '设立活动室或谈心室，正常使用', 1.0, NULL),
  (1, '14', 14, 2, '工作保障', 'SCORED', '公开服务电话，工作时间有人值守', 1.0, NULL),
  (1, '15', 15, 3, '思政引领', 'SCORED', '组织学习宣传党的创新理论和退役军人政策法规', 2.0, NULL),
  (1, '16', 16, 3, '思政引领', 'SCORED', '开展“八一”、光荣在党50年等主题教育活动', 2.0, NULL),
  (1, '17', 17, 3, '思政引领', 'SCORED', '光荣牌悬挂规范、及时', 2.0, NULL),
  (1, '18', 18, 3, '思政引领', 'SCORED', '组织开展英烈纪念、烈士祭扫活动', 1.0, NULL),
  (1, '19', 19, 3, '思政引领', 'SCORED', '选树宣传退役军人先进典型', 1.0, NULL),
  (1, '20', 20, 4, '信息采集', 'SCORED', '退役军人和其他优抚对象信息采集全覆盖', 2.0, NULL),
  (1, '21', 21, 4, '信息采集', 'SCORED', '信息采集表填写规范、本人签字确认', 1.0, NULL),
  (1, '22', 22, 4, '信息采集', 'SCORED', '新增、迁入迁出、去世等信息动态更新及时', 2.0, NULL),
  (1, '23', 23, 4, '信息采集', 'SCORED', '建立重点联系对象台账（空巢、独居、重病、困难等）', 2.0, NULL),
  (1, '24', 24, 4, '信息采集', 'SCORED', '建立需求台账，需求有回应、有记录', 1.0, NULL),
  (1, '25', 25, 4, '信息采集', 'SCORED', '信息系统录入及时、准确', 1.0, NULL),
  (1, '26', 26, 4, '信息采集', 'SCORED', '个人信息保管安全，无泄露', 1.0, NULL),
  (1, '27', 27, 4, '信息采集', 'SCORED', '一人一档：服务对象档案齐全（七项状况齐备）', 2.0, 'REGISTRY_DOSSIER'),
  (1, '28', 28, 5, '走访慰问', 'SCORED', '制定年度联系走访计划', 1.0, NULL),
  (1, '29', 29, 5, '走访慰问', 'SCORED', '春节、八一等节日走访慰问全覆盖', 2.0, NULL),
  (1, '30', 30, 5, '走访慰问', 'SCORED', '走访记录完整（时间、人员、方式、情况、需求）', 1.0, NULL),
  (1, '31', 31, 5, '走访慰问', 'SCORED', '走访发现的问题及时上报并跟踪解决', 1.0, NULL),
  (1, '32', 32, 5, '走访慰问', 'SCORED', '联系覆盖：服务对象按期联系覆盖率', 2.0, 'CONTACT_COVERAGE'),
  (1, '33', 33, 5, '走访慰问', 'SCORED', '六必访：退伍返乡必访', 2.0, 'EVENT_DISCHARGED'),
  (1, '34', 34, 5, '走访慰问', 'SCORED', '六必访：立功受奖、英模典型必访', 2.0, 'EVENT_AWARD'),
  (1, '35', 35, 5, '走访慰问', 'SCORED', '六必访：重大变故、生病住院必访', 2.0, 'EVENT_HARDSHIP'),
  (1, '36', 36, 5, '走访慰问', 'SCORED', '六必访：去世必访', 2.0, 'EVENT_DEATH'),
  (1, '37', 37, 6, '优抚帮扶', 'SCORED', '优待证申领、优待政策落实到位', 2.0, NULL),
  (1, '38', 38, 6, '优抚帮扶', 'SCORED', '协助落实抚恤补助、优待金发放', 2.0, NULL),
  (1, '39', 39, 6, '优抚帮扶', 'SCORED', '困难退役军人帮扶援助及时', 2.0, NULL),
  (1, '40', 40, 6, '优抚帮扶', 'SCORED', '协助办理医疗救助、住院优待', 2.0, NULL),
  (1, '41', 41, 6, '优抚帮扶', 'SCORED', '重点联系对象年度上门走访覆盖率', 2.0, 'CONTACT_KEY_VISITS'),
  (1, '42', 42, 6, '优抚帮扶', 'SCORED', '烈士遗属、军属关爱帮扶', 1.0, NULL),
  (1, '43', 43, 6, '优抚帮扶', 'SCORED', '上门代办、帮办服务', 1.0, NULL),
  (1, '44', 44, 7, '就业创业', 'SCORED', '摸排退役军人就业创业需求', 2.0, NULL),
  (1, '45', 45, 7, '就业创业', 'SCORED', '推送就业岗位、招聘信息', 2.0, NULL),
  (1, '46', 46, 7, '就业创业', 'SCORED', '组织参加技能培训、创业培训', 2.0, NULL),
  (1, '47', 47, 7, '就业创业', 'SCORED', '扶持、宣传创业典型', 2.0, NULL),
  (1, '48', 48, 8, '权益维护', 'SCORED', '接待来信来访，登记规范', 2.0, NULL),
  (1, '49', 49, 8, '权益维护', 'SCORED', '开展矛盾纠纷排查化解', 2.0, NULL),
  (1, '50', 50, 8, '权益维护', 'SCORED', '协助法律咨询、法律援助', 2.0, NULL),
  (1, '51', 51, 8, '权益维护', 'SCORED', '信访事项按期办结，无越级上访', 2.0, NULL),
  (1, '52', 52, 9, '志愿服务', 'SCORED', '建立退役军人志愿服务队', 2.0, NULL),
  (1, '53', 53, 9, '志愿服务', 'SCORED', '每季度至少开展一次志愿服务活动', 2.0, NULL),
  (1, '54', 54, 9, '志愿服务', 'SCORED', '志愿服务记录完整（日期、地点、时长、服务对象）', 2.0, NULL),
  (1, '55', 55, 10, '其他', 'SCORED', '完成上级交办的其他工作', 1.0, NULL),
  (1, '56', 56, 11, '服务满意度', 'SCORED', '服务对象满意率（问卷调查）达到90%', 3.0, 'SATISFACTION_SURVEY'),
  (1, '57', 57, 11, '服务满意度', 'SCORED', '随机抽查、第三方回访满意率达到90%', 2.0, 'SATISFACTION_CHECK'),
  (1, '58', 58, 12, '加分项', 'BONUS', '获得上级表彰（先进集体、示范站）', 10.0, NULL),
  (1, '59', 59, 12, '加分项', 'BONUS', '工作经验被上级推广或媒体宣传报道', 5.0, NULL),
  (1, '60', 60, 12, '加分项', 'BONUS', '创建退役军人服务特色品牌、示范点', 5.0, NULL),
  (1, 'F1', 61, 13, '一票否决', 'VETO', '发生重大群体性事件', 0.0, NULL),
  (1, 'F2', 62, 13, '一票否决', 'VETO', '发生个人极端案事件', 0.0, NULL),
  (1, 'F3', 63, 13, '一票否决', 'VETO', '发生重大负面舆情', 0.0, NULL),
  (1, 'F4', 64, 13, '一票否决', 'VETO', '其他造成严重不良影响的情形', 0.0, NULL);

INSERT INTO stations_sheet_tier (sheet_id, item_code, tier, label, points) VALUES
  (1, '58', 1, '国家级', 10.0),
  (1, '58', 2, '省级', 6.0),
  (1, '58', 3, '市级', 4.0),
  (1, '58', 4, '县级', 2.0),
  (1, '59', 1, '国家级', 5.0),
  (1, '59', 2, '省级', 3.0),
  (1, '59', 3, '市级', 2.0),
  (1, '59', 4, '县级', 1.0),
  (1, '60', 1, '省级', 5.0),
  (1, '60', 2, '市级', 3.0),
  (1, '60', 3, '县级', 2.0);
