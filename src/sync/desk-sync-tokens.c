/* desk-sync-tokens.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reference server's tokens file: one "TOKEN ROLE" pair a line, ROLE being read or write,
 * "#" starting a comment. A file with a wrong line is refused as a whole, naming the line but
 * never the token on it. Tokens are compared in constant time. */

#define G_LOG_DOMAIN "desk-sync-tokens"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "desk-sync-tokens.h"
#include "desk-sync-wire.h"

typedef struct
{
  char         *token;
  DeskSyncRole  role;
} Token;

struct _DeskSyncTokens
{
  GArray *tokens;   /* Token */
};

static void
token_clear (gpointer data)
{
  Token *token = data;

  /* Secrets do not stay in freed memory. */
  memset (token->token, 0, strlen (token->token));
  g_free (token->token);
}

static void
set_line_error (GError     **error,
                const char  *name,
                guint        line,
                const char  *reason)
{
  /* Translators: a file name, a line number, then what is wrong */
  g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG, _("%s, line %u: %s"), name, line,
               reason);
}

static gboolean
constant_time_equal (const char *a,
                     const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guchar diff = la != lb;

  for (gsize i = 0; i < la; i++)
    diff |= (guchar) a[i] ^ (guchar) b[i % MAX (lb, 1)];
  return diff == 0;
}

/**
 * desk_sync_tokens_parse:
 * @name: the file's name, for messages
 *
 * Returns: (transfer full): the tokens of @text, or %NULL with @error set
 */
DeskSyncTokens *
desk_sync_tokens_parse (const char  *text,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(DeskSyncTokens) self = g_new0 (DeskSyncTokens, 1);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  self->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_array_set_clear_func (self->tokens, token_clear);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      char *comment = strchr (lines[i], '#');
      Token token;

      if (comment != NULL)
        *comment = '\0';
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;

      words = g_strsplit_set (lines[i], " \t", -1);
      {
        /* Runs of blanks make empty words. */
        guint n = 0;

        for (guint w = 0; words[w] != NULL; w++)
          if (*words[w] != '\0')
            words[n++] = words[w];
          else
            g_free (words[w]);
        words[n] = NULL;
      }

      if (g_strv_length (words) != 2)
        {
          set_line_error (error, name, i + 1, _("expected a token and a role (read or write)"));
          return NULL;
        }
      if (strlen (words[0]) < DESK_SYNC_MIN_TOKEN_LENGTH)
        {
          g_autofree char *reason =
            g_strdup_printf (_("the token is shorter than %d characters"),
                             DESK_SYNC_MIN_TOKEN_LENGTH);

          set_line_error (error, name, i + 1, reason);
          return NULL;
        }
      for (const char *p = words[0]; *p != '\0'; p++)
        if (!g_ascii_isgraph (*p))
          {
            set_line_error (error, name, i + 1,
                            _("a token is made of visible ASCII characters"));
            return NULL;
          }
      if (g_str_equal (words[1], "read"))
        token.role = DESK_SYNC_ROLE_READ;
      else if (g_str_equal (words[1], "write"))
        token.role = DESK_SYNC_ROLE_WRITE;
      else
        {
          /* Translators: %s is what the file says instead of a role */
          g_autofree char *reason = g_strdup_printf (_("unknown role “%s” (read or write)"),
                                                     words[1]);

          set_line_error (error, name, i + 1, reason);
          return NULL;
        }
      if (desk_sync_tokens_check (self, words[0]) != DESK_SYNC_ROLE_NONE)
        {
          set_line_error (error, name, i + 1, _("this token is listed before"));
          return NULL;
        }

      token.token = g_strdup (words[0]);
      g_array_append_val (self->tokens, token);
    }

  if (self->tokens->len == 0)
    {
      /* Translators: %s is a file name */
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG, _("%s lists no tokens"), name);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * desk_sync_tokens_load:
 *
 * Reads a tokens file, which must not be readable by others.
 *
 * Returns: (transfer full): the tokens, or %NULL with @error set
 */
DeskSyncTokens *
desk_sync_tokens_load (const char  *path,
                       GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  if (!g_file_get_contents (path, &text, NULL, &local_error))
    {
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                   _("Cannot read the tokens file: %s"), local_error->message);
      return NULL;
    }
  if (g_stat (path, &st) == 0 && (st.st_mode & 077) != 0)
    {
      /* Translators: %s is a file name */
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                   _("%s may be read by others: it holds secrets (chmod 600 it)"), path);
      return NULL;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                   _("%s is not a text file"), path);
      return NULL;
    }

  return desk_sync_tokens_parse (text, path, error);
}

/* Returns: the role of @token, %DESK_SYNC_ROLE_NONE for an unknown one */
DeskSyncRole
desk_sync_tokens_check (DeskSyncTokens *self,
                        const char     *token)
{
  DeskSyncRole role = DESK_SYNC_ROLE_NONE;

  /* Every token is compared, so that the time taken tells nothing. */
  for (guint i = 0; i < self->tokens->len; i++)
    {
      const Token *known = &g_array_index (self->tokens, Token, i);

      if (constant_time_equal (known->token, token))
        role = known->role;
    }

  return role;
}

guint
desk_sync_tokens_get_count (DeskSyncTokens *self)
{
  return self->tokens->len;
}

const char *
desk_sync_role_to_string (DeskSyncRole role)
{
  switch (role)
    {
    case DESK_SYNC_ROLE_READ:
      return "read";
    case DESK_SYNC_ROLE_WRITE:
      return "write";
    case DESK_SYNC_ROLE_NONE:
    default:
      return "none";
    }
}

void
desk_sync_tokens_free (DeskSyncTokens *self)
{
  g_clear_pointer (&self->tokens, g_array_unref);
  g_free (self);
}
