package org.casework.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.casework.casefile.CaseType;
import org.junit.jupiter.api.Test;

class LabelOrderTest {

  @Test
  void shouldOrderCodesByTheirChineseLabelsInPinyinOrder() {
    // code order: CONDOLENCE, HARDSHIP, LEGAL_AID, PETITION, SERVICE
    // label order: 菜单式服务 (cai), 法律援助 (fa), 关怀慰问 (guan), 困难帮扶 (kun), 信访 (xin)
    assertThat(LabelOrder.of(CaseType.class, CaseType::label).codes())
        .containsExactly("SERVICE", "LEGAL_AID", "CONDOLENCE", "HARDSHIP", "PETITION");
    assertThat(LabelOrder.of(Map.of("B", "王", "A", "王", "C", "安")).codes())
        .containsExactly("C", "A", "B");
  }

  @Test
  void shouldGiveAFieldExpressionOfCheckedCodesOnly() {
    assertThat(LabelOrder.of(Map.of("X_1", "乙", "Y", "甲")).orderBy("r.state"))
        .isEqualTo("field(r.state, 'Y', 'X_1')");
    assertThatThrownBy(() -> LabelOrder.of(Map.of("A') or 1=1 --", "甲")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldEndAPageQueryWithTheKeysColumnAndATie() {
    PageParams p = new PageParams(2, 20, "name", true);
    assertThat(p.orderBy(Map.of("name", "name_sort"), "id", "id"))
        .isEqualTo(" order by name_sort desc, id desc limit ? offset ?");
    assertThat(new PageParams(0, 20, "nope", false).orderBy(Map.of("name", "n"), "d", "id"))
        .isEqualTo(" order by d asc, id asc limit ? offset ?");
    assertThat(p.withLimit(List.of("a"))).containsExactly("a", 20, 40L);
  }

  @Test
  void shouldSortAndCutAListHeldInMemory() {
    List<String> all = List.of("张", "安", "王", "陈", "李");
    Map<String, Comparator<String>> orders = Map.of("name", Paged.chinese());
    Paged<String> second = Paged.of(all, new PageParams(1, 2, "name", false), orders);
    assertThat(second.rows()).containsExactly("李", "王");
    assertThat(second.total()).isEqualTo(5);
    assertThat(Paged.of(all, new PageParams(0, 2, "x", true), orders).rows())
        .containsExactly("张", "王");
    assertThat(Paged.of(all, new PageParams(9, 2, "name", false), orders).rows()).isEmpty();
  }
}
