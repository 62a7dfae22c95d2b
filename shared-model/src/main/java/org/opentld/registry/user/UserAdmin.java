package org.opentld.registry.user;

import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.registrar.PasswordHasher;
import org.opentld.registry.store.ItemCodec;
import org.opentld.registry.store.Tx;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Panel users: created by an admin, passwords kept as bcrypt hashes. */
public final class UserAdmin {
  private final RegistryContext ctx;

  public UserAdmin(RegistryContext ctx) {
    this.ctx = ctx;
  }

  static String pk(String username) {
    return "USER#" + username;
  }

  /** Creates a user; 2302 if the name is taken; registrar users must name an existing registrar. */
  public User create(
      Caller caller, String username, String password, User.Role role, String registrarId) {
    if (username == null || !username.matches("[a-z0-9][a-z0-9._@-]{2,63}")) {
      throw new RegistryException.ValueSyntax("username must be 3-64 lower-case characters");
    }
    if (password == null || password.length() < 10) {
      throw new RegistryException.PolicyError("password must have at least 10 characters");
    }
    if (role == User.Role.REGISTRAR) {
      ctx.registrar(registrarId);
    } else if (registrarId != null) {
      throw new RegistryException.ValueRange("only registrar users belong to a registrar");
    }
    User u =
        new User(
            username, PasswordHasher.hashPassword(password), role, registrarId, null, false,
            ctx.now(), 1);
    var item = ItemCodec.toItem(u);
    item.put("pk", AttributeValue.fromS(pk(username)));
    item.put("sk", AttributeValue.fromS("#META"));
    item.put("type", AttributeValue.fromS("user"));
    item.put("gsi1pk", AttributeValue.fromS("USERS"));
    item.put("gsi1sk", AttributeValue.fromS(username));
    Tx tx = ctx.store().tx();
    tx.putNew(item, () -> new RegistryException.ObjectExists("user " + username + " exists"));
    ctx.history(
        tx, caller, "user", username, "USER-" + username, "create", null,
        new User(username, null, role, registrarId, null, false, u.createdAt(), 1));
    tx.execute();
    return u;
  }

  public Optional<User> find(String username) {
    return ctx.store().get(pk(username), "#META").map(i -> ItemCodec.fromItem(i, User.class));
  }
}
