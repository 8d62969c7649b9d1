package org.casework.casefile.internal;

import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryView;
import org.casework.casefile.NoticeView;
import org.mapstruct.Mapper;

@Mapper
interface CaseMapper {

  CaseView toView(CaseEntity entity);

  HistoryView toView(HistoryEntity entity);

  NoticeView toView(NoticeEntity entity);
}
