/* desk-stats.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-stats"

#include "config.h"

#include "desk-stats.h"

G_DEFINE_BOXED_TYPE (DeskStats, desk_stats, desk_stats_copy, desk_stats_free)

static void
category_count_free (gpointer data)
{
  DeskCategoryCount *count = data;

  g_free (count->uuid);
  g_free (count->name);
  g_free (count);
}

DeskStats *
desk_stats_new (void)
{
  DeskStats *self = g_new0 (DeskStats, 1);

  self->categories = g_ptr_array_new_with_free_func (category_count_free);
  return self;
}

DeskStats *
desk_stats_copy (const DeskStats *self)
{
  DeskStats *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->categories = g_ptr_array_new_with_free_func (category_count_free);
  for (guint i = 0; i < self->categories->len; i++)
    {
      const DeskCategoryCount *count = g_ptr_array_index (self->categories, i);
      DeskCategoryCount *count_copy = g_new0 (DeskCategoryCount, 1);

      count_copy->uuid = g_strdup (count->uuid);
      count_copy->name = g_strdup (count->name);
      count_copy->contracts = count->contracts;
      g_ptr_array_add (copy->categories, count_copy);
    }

  return copy;
}

void
desk_stats_free (DeskStats *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->categories);
  g_free (self);
}

/**
 * desk_stats_to_json:
 *
 * The shape `idesk stats --json` prints; keys are stable, for scripts.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
desk_stats_to_json (const DeskStats *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GEnumClass) statuses = g_type_class_ref (DESK_TYPE_NOTIFICATION_STATUS);
  g_autoptr(GEnumClass) channels = g_type_class_ref (DESK_TYPE_CHANNEL);

  json_builder_begin_object (builder);

#define MEMBER_INT(name, value) \
  json_builder_set_member_name (builder, name); json_builder_add_int_value (builder, value)

  MEMBER_INT ("potentially_affected_accounts", self->potential_accounts);
  MEMBER_INT ("confirmed_accounts", self->confirmed_accounts);
  MEMBER_INT ("estimated_potentially_affected", self->estimated_potential);
  MEMBER_INT ("estimated_confirmed", self->estimated_confirmed);
  MEMBER_INT ("contracts_affected", self->contracts_affected);
  MEMBER_INT ("contracts_confirmed", self->contracts_confirmed);
  MEMBER_INT ("contracts_unique", self->contracts_unique);

  json_builder_set_member_name (builder, "contracts_by_category");
  json_builder_begin_object (builder);
  for (guint i = 0; i < self->categories->len; i++)
    {
      const DeskCategoryCount *count = g_ptr_array_index (self->categories, i);

      MEMBER_INT (count->name, count->contracts);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "notifications");
  json_builder_begin_object (builder);
  for (guint i = 0; i < DESK_N_NOTIFICATION_STATUSES; i++)
    {
      MEMBER_INT (g_enum_get_value (statuses, i)->value_nick, self->notifications[i]);
    }
  json_builder_end_object (builder);

  MEMBER_INT ("customers_to_notify", self->customers_to_notify);
  MEMBER_INT ("customers_notified", self->customers_notified);

  json_builder_set_member_name (builder, "customers_by_channel");
  json_builder_begin_object (builder);
  for (guint i = 0; i < DESK_N_CHANNELS; i++)
    {
      if (self->channel_to_notify[i] == 0)
        continue;

      json_builder_set_member_name (builder, g_enum_get_value (channels, i)->value_nick);
      json_builder_begin_object (builder);
      MEMBER_INT ("to_notify", self->channel_to_notify[i]);
      MEMBER_INT ("notified", self->channel_notified[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  /* Deadlines that have passed with the obligation not filed or the notice not sent. */
  json_builder_set_member_name (builder, "overdue");
  json_builder_begin_object (builder);
  MEMBER_INT ("obligations", self->overdue_obligations);
  MEMBER_INT ("notices", self->overdue_notices);
  json_builder_end_object (builder);

#undef MEMBER_INT

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
