/* desk-json-utils.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-json-utils"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-json-utils.h"

/**
 * desk_json_read_file_list:
 * @parser: the parser that keeps the document alive while the caller reads it
 * @name: how messages name the data, e.g. its file name
 * @list_member: the member of the top-level object holding the file's entries, e.g. "rules"
 * @max_version: the newest format version the caller reads
 *
 * Parses a data file: an object with an optional positive "version" no newer than @max_version
 * and a non-empty array @list_member.
 *
 * Returns: (transfer none): the array, or %NULL with @error set
 */
JsonArray *
desk_json_read_file_list (JsonParser  *parser,
                          const char  *data,
                          gssize       length,
                          const char  *name,
                          const char  *list_member,
                          int          max_version,
                          GQuark       domain,
                          int          code,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *version, *list;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, domain, code, _("%s is not valid JSON: %s"), name,
                   local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      /* Translators: the second %s is a member of the file, e.g. "rules" */
      g_set_error (error, domain, code, _("%s: expected a JSON object with a “%s” array"), name,
                   list_member);
      return NULL;
    }

  /* The version first: a newer format may have renamed what follows. */
  object = json_node_get_object (root);
  version = json_object_get_member (object, "version");
  if (version != NULL &&
      (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
       json_node_get_int (version) < 1))
    {
      g_set_error (error, domain, code, _("%s: “version” must be a positive whole number"), name);
      return NULL;
    }
  if (version != NULL && json_node_get_int (version) > max_version)
    {
      g_set_error (error, domain, code,
                   _("%s is in format version %lld, which needs a newer "
                     "Incident Desk (this one reads up to version %d)"),
                   name, (long long) json_node_get_int (version), max_version);
      return NULL;
    }

  list = json_object_get_member (object, list_member);
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, domain, code, _("%s: expected a JSON object with a “%s” array"), name,
                   list_member);
      return NULL;
    }

  if (json_array_get_length (json_node_get_array (list)) == 0)
    {
      g_set_error (error, domain, code, _("%s: “%s” is empty"), name, list_member);
      return NULL;
    }

  return json_node_get_array (list);
}

/**
 * desk_json_get_string:
 * @value: (out) (transfer none): the string, borrowed from @object; %NULL when it is absent
 *
 * Reads the string @member of @object. A missing or null member is an error only when
 * @required; so is a required one that is blank.
 */
gboolean
desk_json_get_string (JsonObject  *object,
                      const char  *member,
                      gboolean     required,
                      const char  *where,
                      GQuark       domain,
                      int          code,
                      const char **value,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *str;

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;

      g_set_error (error, domain, code, _("%s: “%s” is missing"), where, member);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, domain, code, _("%s: “%s” must be a string"), where, member);
      return FALSE;
    }

  str = json_node_get_string (node);
  if (required)
    {
      const char *p = str;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        {
          g_set_error (error, domain, code, _("%s: “%s” is empty"), where, member);
          return FALSE;
        }
    }

  *value = str;
  return TRUE;
}

/**
 * desk_json_get_id:
 *
 * Reads the required string @member of @object, which names something on the command line and
 * in the database: lower-case ASCII letters, digits and dashes only.
 */
gboolean
desk_json_get_id (JsonObject  *object,
                  const char  *member,
                  const char  *where,
                  GQuark       domain,
                  int          code,
                  const char **value,
                  GError     **error)
{
  if (!desk_json_get_string (object, member, TRUE, where, domain, code, value, error))
    return FALSE;

  for (const char *p = *value; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      {
        g_set_error (error, domain, code,
                     _("%s: the id “%s” may contain only lower-case letters, digits and dashes"),
                     where, *value);
        *value = NULL;
        return FALSE;
      }

  return TRUE;
}

/**
 * desk_json_get_array:
 * @value: (out) (transfer none): the array, borrowed from @object; %NULL when it is absent
 *
 * Reads the array @member of @object. When @required, it must be there and not be empty.
 */
gboolean
desk_json_get_array (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     const char  *where,
                     GQuark       domain,
                     int          code,
                     JsonArray  **value,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;

      g_set_error (error, domain, code, _("%s: “%s” is missing"), where, member);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, domain, code, _("%s: “%s” must be an array"), where, member);
      return FALSE;
    }

  if (required && json_array_get_length (json_node_get_array (node)) == 0)
    {
      g_set_error (error, domain, code, _("%s: “%s” is empty"), where, member);
      return FALSE;
    }

  *value = json_node_get_array (node);
  return TRUE;
}

/**
 * desk_json_translate:
 * @text: (inout) (nullable): a text of a built-in data file
 *
 * Replaces *@text with its translation, if the catalogue has one: build-aux/template-strings.py
 * puts the built-in files' texts there.
 */
void
desk_json_translate (char **text)
{
  const char *translated;

  if (*text == NULL)
    return;

  translated = g_dgettext (GETTEXT_PACKAGE, *text);
  if (translated != *text)
    {
      g_free (*text);
      *text = g_strdup (translated);
    }
}
