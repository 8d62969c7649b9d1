package org.casework.clocks.internal;

import java.util.List;
import org.casework.clocks.CalendarDay;
import org.casework.clocks.CalendarYear;
import org.mapstruct.Mapper;

@Mapper
interface CalendarMapper {

  CalendarDay toView(CalendarDayEntity entity);

  List<CalendarDay> toDayViews(List<CalendarDayEntity> entities);

  CalendarYear toView(CalendarYearEntity entity);

  List<CalendarYear> toYearViews(List<CalendarYearEntity> entities);
}
