/* desk-account-row.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One affected account as a list shows it: read-only, made by DeskAccountList a page at a time.
 * Plain fields rather than properties: a list of millions binds them in its factories. */

#include "config.h"

#include "desk-account-row.h"

struct _DeskAccountRow
{
  GObject       parent_instance;

  char         *identifier;
  char         *contract_id;
  char         *customer_name;
  DeskExposure  exposure;
  gint64        categories;
  gint64        updated_at;
};

G_DEFINE_FINAL_TYPE (DeskAccountRow, desk_account_row, G_TYPE_OBJECT)

static void
desk_account_row_finalize (GObject *object)
{
  DeskAccountRow *self = (DeskAccountRow *)object;

  g_free (self->identifier);
  g_free (self->contract_id);
  g_free (self->customer_name);

  G_OBJECT_CLASS (desk_account_row_parent_class)->finalize (object);
}

static void
desk_account_row_class_init (DeskAccountRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_account_row_finalize;
}

static void
desk_account_row_init (DeskAccountRow *self)
{
}

DeskAccountRow *
desk_account_row_new (const char   *identifier,
                      const char   *contract_id,
                      const char   *customer_name,
                      DeskExposure  exposure,
                      gint64        categories,
                      gint64        updated_at)
{
  DeskAccountRow *self = g_object_new (DESK_TYPE_ACCOUNT_ROW, NULL);

  self->identifier = g_strdup (identifier);
  self->contract_id = g_strdup (contract_id);
  self->customer_name = g_strdup (customer_name);
  self->exposure = exposure;
  self->categories = categories;
  self->updated_at = updated_at;

  return self;
}

const char *
desk_account_row_get_identifier (DeskAccountRow *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_ROW (self), NULL);

  return self->identifier;
}

const char *
desk_account_row_get_contract_id (DeskAccountRow *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_ROW (self), NULL);

  return self->contract_id;
}

/**
 * desk_account_row_get_customer_name:
 *
 * Returns: (nullable): the customer's name, if it has one
 */
const char *
desk_account_row_get_customer_name (DeskAccountRow *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_ROW (self), NULL);

  return self->customer_name;
}

DeskExposure
desk_account_row_get_exposure (DeskAccountRow *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_ROW (self), DESK_EXPOSURE_POTENTIAL);

  return self->exposure;
}

/**
 * desk_account_row_get_categories:
 *
 * Returns: a mask of the incident's category bits
 */
gint64
desk_account_row_get_categories (DeskAccountRow *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_ROW (self), 0);

  return self->categories;
}

gint64
desk_account_row_get_updated_at (DeskAccountRow *self)
{
  g_return_val_if_fail (DESK_IS_ACCOUNT_ROW (self), 0);

  return self->updated_at;
}
