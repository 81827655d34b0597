/* sd-pg-secret.c — a shared library's password in the desktop keyring
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-secret"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "sd-pg-secret.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID ".SharedLibrary",
    SECRET_SCHEMA_NONE,
    {
        { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };

  return &schema;
}

/* The attributes a password is filed under; they point into @login. */
static GHashTable *
attributes_for (const SdPgLogin *login)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, "server", login->host != NULL ? login->host : "");
  g_hash_table_insert (attributes, "port", login->port != NULL ? login->port : "");
  g_hash_table_insert (attributes, "database", login->database != NULL ? login->database : "");
  g_hash_table_insert (attributes, "user", login->user != NULL ? login->user : "");
  return attributes;
}

char *
sd_pg_secret_lookup (const SdPgLogin *login, GCancellable *cancellable, GError **error)
{
  g_autoptr (GHashTable) attributes = attributes_for (login);

  return secret_password_lookupv_sync (get_schema (), attributes, cancellable, error);
}

gboolean
sd_pg_secret_store (const SdPgLogin *login,
                    const char      *password,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_autoptr (GHashTable) attributes = attributes_for (login);
  g_autofree char *who = sd_pg_login_describe (login);
  g_autofree char *label = g_strdup_printf (_("Storydesk shared library: %s"), who);

  return secret_password_storev_sync (get_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                                      password, cancellable, error);
}

gboolean
sd_pg_secret_forget (const SdPgLogin *login, GCancellable *cancellable, GError **error)
{
  g_autoptr (GHashTable) attributes = attributes_for (login);
  g_autoptr (GError) local_error = NULL;

  /* FALSE with no error: there was none to forget */
  if (!secret_password_clearv_sync (get_schema (), attributes, cancellable, &local_error)
      && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

void
sd_pg_secret_free (char *password)
{
  secret_password_free (password);
}
