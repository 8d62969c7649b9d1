package org.casework.services;

import java.util.List;
import org.casework.jurisdiction.RegionScope;

/**
 * The service menu (菜单式服务目录) per county, as versioned data: a change adds a version (never an
 * update), is audited, and requests keep the version they were filed under.
 */
public interface ServiceMenu {

  /** The items in force (latest version of each code, active ones) of the county of a region. */
  List<MenuItem> menu(String regionCode);

  /** Every version of every item of the county, newest first per item. */
  List<MenuItem> history(String regionCode);

  /** One version by its row id. */
  MenuItem item(long id);

  /** The item in force with that code in the county, or a Chinese 404. */
  MenuItem current(String regionCode, String code);

  /** Adds the next version of the item (county administrators of that county only), audited. */
  MenuItem change(ChangeMenuItem change, RegionScope scope);

  /** Counties that have a menu (for the public page). */
  List<String> counties();
}
