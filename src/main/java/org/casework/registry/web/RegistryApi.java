package org.casework.registry.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for life events on a person record (death opens funeral-support condolence). */
@RestController
@RequestMapping("/api/registry/persons")
class RegistryApi {

  private final Registry registry;

  RegistryApi(Registry registry) {
    this.registry = registry;
  }

  @GetMapping("/{id}")
  PersonView person(@PathVariable long id, RegionScope scope) {
    return registry.person(id, scope, "查看服务对象档案");
  }

  /** Recorded where the person lives: a person of another region is a 403 (recorded). */
  @PostMapping("/{id}/death")
  PersonView death(@PathVariable long id, @Valid @RequestBody Death body, RegionScope scope) {
    registry.person(id, scope, "登记去世");
    return registry.recordDeath(id, body.diedOn(), scope.username());
  }

  @PostMapping("/{id}/moved-away")
  PersonView movedAway(@PathVariable long id, @Valid @RequestBody Move body, RegionScope scope) {
    registry.person(id, scope, "登记迁出");
    return registry.recordMovedAway(id, body.movedOn(), body.movedTo());
  }

  record Death(
      @NotNull(message = "{registry.diedOn.required}") LocalDate diedOn,
      @Size(max = 64, message = "{field.too.long}") String recordedBy) {}

  record Move(
      @NotNull(message = "{registry.movedOn.required}") LocalDate movedOn,
      @Size(max = 64, message = "{field.too.long}") String movedTo) {}
}
