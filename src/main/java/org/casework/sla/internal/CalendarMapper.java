package org.casework.sla.internal;

import java.util.List;
import org.casework.sla.CalendarDay;
import org.casework.sla.CalendarYear;
import org.mapstruct.Mapper;

@Mapper
interface CalendarMapper {

  CalendarDay toView(CalendarDayEntity entity);

  List<CalendarDay> toDayViews(List<CalendarDayEntity> entities);

  CalendarYear toView(CalendarYearEntity entity);

  List<CalendarYear> toYearViews(List<CalendarYearEntity> entities);
}
