package org.casework.jurisdiction.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.casework.jurisdiction.internal.StaffDirectory.StaffGroup;
import org.casework.jurisdiction.internal.StaffDirectory.StaffUser;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.NativeUserQuery;
import org.operaton.bpm.engine.identity.Tenant;
import org.operaton.bpm.engine.identity.TenantQuery;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.identity.UserQuery;
import org.operaton.bpm.engine.impl.GroupQueryImpl;
import org.operaton.bpm.engine.impl.Page;
import org.operaton.bpm.engine.impl.TenantQueryImpl;
import org.operaton.bpm.engine.impl.UserQueryImpl;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.db.ListQueryParameterObject;
import org.operaton.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.interceptor.CommandExecutor;
import org.operaton.bpm.engine.impl.interceptor.Session;
import org.operaton.bpm.engine.impl.interceptor.SessionFactory;
import org.operaton.bpm.engine.impl.persistence.entity.GroupEntity;
import org.operaton.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's users and groups, read from the staff directory (one session per engine command).
 * Read-only: staff are added, disabled and re-assigned in the app's 用户管理, never in Operaton's
 * Admin. Passwords are never checked here: every login goes through the app's throttled form.
 */
class StaffIdentityProvider implements ReadOnlyIdentityProvider {

  private final StaffDirectory directory;

  StaffIdentityProvider(StaffDirectory directory) {
    this.directory = directory;
  }

  /** Opens one provider per command. */
  static SessionFactory factory(StaffDirectory directory) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return ReadOnlyIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new StaffIdentityProvider(directory);
      }
    };
  }

  // --- users ---------------------------------------------------------------------------------

  @Override
  public User findUserById(String userId) {
    return directory.user(userId).map(StaffIdentityProvider::toUser).orElse(null);
  }

  @Override
  public UserQuery createUserQuery() {
    return new StaffUserQuery(
        Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public UserQuery createUserQuery(CommandContext commandContext) {
    return new StaffUserQuery();
  }

  @Override
  public NativeUserQuery createNativeUserQuery() {
    throw new UnsupportedOperationException(
        "native user queries: the staff directory is no SQL table of the engine");
  }

  /** Always false: logins go through the app's form (throttled, audited), never the engine. */
  @Override
  public boolean checkPassword(String userId, String password) {
    return false;
  }

  // --- groups --------------------------------------------------------------------------------

  @Override
  public Group findGroupById(String groupId) {
    return directory.group(groupId).map(StaffIdentityProvider::toGroup).orElse(null);
  }

  @Override
  public org.operaton.bpm.engine.identity.GroupQuery createGroupQuery() {
    return new StaffGroupQuery(
        Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public org.operaton.bpm.engine.identity.GroupQuery createGroupQuery(
      CommandContext commandContext) {
    return new StaffGroupQuery();
  }

  // --- tenants: none ---------------------------------------------------------------------------

  @Override
  public Tenant findTenantById(String tenantId) {
    return null;
  }

  @Override
  public TenantQuery createTenantQuery() {
    return new NoTenantQuery(
        Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public TenantQuery createTenantQuery(CommandContext commandContext) {
    return new NoTenantQuery();
  }

  @Override
  public void flush() {
    // read-only
  }

  @Override
  public void close() {
    // nothing held
  }

  List<StaffUser> users(StaffUserQuery q) {
    Stream<StaffUser> users =
        q.getId() != null
            ? directory.user(q.getId()).stream()
            : q.getIds() != null
                ? Arrays.stream(q.getIds()).distinct().flatMap(id -> directory.user(id).stream())
                : directory.users().stream();
    if (q.procDefId() != null || q.getTenantId() != null || q.getEmail() != null) {
      // no potential starters, tenants or e-mail addresses in the directory
      return List.of();
    }
    return users
        .filter(matches(q.getFirstName(), q.getFirstNameLike(), StaffUser::name))
        .filter(matches(q.getLastName(), q.getLastNameLike(), u -> ""))
        .filter(u -> q.getEmailLike() == null || like(q.getEmailLike()).matcher("").matches())
        .filter(u -> q.getGroupId() == null || u.groups().contains(q.getGroupId()))
        .toList();
  }

  List<StaffGroup> groups(StaffGroupQuery q) {
    if (q.procDefId() != null || q.getTenantId() != null) {
      return List.of();
    }
    Stream<StaffGroup> groups;
    if (q.getUserId() != null) {
      List<String> ids = directory.user(q.getUserId()).map(StaffUser::groups).orElse(List.of());
      groups = ids.stream().flatMap(id -> directory.group(id).stream());
    } else if (q.getId() != null) {
      groups = directory.group(q.getId()).stream();
    } else if (q.getIds() != null) {
      groups = Arrays.stream(q.getIds()).distinct().flatMap(id -> directory.group(id).stream());
    } else {
      groups = directory.groups().stream();
    }
    return groups
        .filter(g -> q.getId() == null || g.id().equals(q.getId()))
        .filter(g -> q.getIds() == null || Arrays.asList(q.getIds()).contains(g.id()))
        .filter(matches(q.getName(), q.getNameLike(), StaffGroup::name))
        .filter(g -> q.getType() == null || g.type().equals(q.getType()))
        .toList();
  }

  private static <T> Predicate<T> matches(
      String exact, String like, java.util.function.Function<T, String> field) {
    Pattern pattern = like == null ? null : like(like);
    return t -> {
      String value = Objects.requireNonNullElse(field.apply(t), "");
      return (exact == null || exact.equals(value))
          && (pattern == null || pattern.matcher(value).matches());
    };
  }

  /** SQL LIKE ({@code %}, {@code _}) as a pattern. */
  private static Pattern like(String like) {
    StringBuilder regex = new StringBuilder();
    for (char c : like.toCharArray()) {
      switch (c) {
        case '%' -> regex.append(".*");
        case '_' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  /** The page asked for: {@code listPage} sets it on the query, a {@link Page} may narrow it. */
  private static <T> List<T> page(List<T> all, ListQueryParameterObject query, Page page) {
    int first = page != null ? page.getFirstResult() : query.getFirstResult();
    int max = page != null ? page.getMaxResults() : query.getMaxResults();
    int from = Math.min(Math.max(first, 0), all.size());
    int to = (int) Math.min((long) from + Math.max(max, 0), all.size());
    return all.subList(from, to);
  }

  private static User toUser(StaffUser u) {
    UserEntity user = new UserEntity(u.id());
    // a Chinese name is written whole; Tasklist shows "first last"
    user.setFirstName(u.name());
    user.setLastName("");
    return user;
  }

  private static Group toGroup(StaffGroup g) {
    GroupEntity group = new GroupEntity(g.id());
    group.setName(g.name());
    group.setType(g.type());
    return group;
  }

  private static StaffIdentityProvider provider(CommandContext commandContext) {
    return (StaffIdentityProvider) commandContext.getReadOnlyIdentityProvider();
  }

  static class StaffUserQuery extends UserQueryImpl {

    StaffUserQuery() {}

    StaffUserQuery(CommandExecutor commandExecutor) {
      super(commandExecutor);
    }

    String procDefId() {
      return procDefId;
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return provider(commandContext).users(this).size();
    }

    @Override
    public List<User> executeList(CommandContext commandContext, Page page) {
      return page(provider(commandContext).users(this), this, page).stream()
          .map(StaffIdentityProvider::toUser)
          .toList();
    }
  }

  static class StaffGroupQuery extends GroupQueryImpl {

    StaffGroupQuery() {}

    StaffGroupQuery(CommandExecutor commandExecutor) {
      super(commandExecutor);
    }

    String procDefId() {
      return procDefId;
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return provider(commandContext).groups(this).size();
    }

    @Override
    public List<Group> executeList(CommandContext commandContext, Page page) {
      return page(provider(commandContext).groups(this), this, page).stream()
          .map(StaffIdentityProvider::toGroup)
          .toList();
    }
  }

  static class NoTenantQuery extends TenantQueryImpl {

    NoTenantQuery() {}

    NoTenantQuery(CommandExecutor commandExecutor) {
      super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return 0;
    }

    @Override
    public List<Tenant> executeList(CommandContext commandContext, Page page) {
      return List.of();
    }
  }
}
