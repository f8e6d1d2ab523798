/* desk-customer-row.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One line of an incident's customer list: the contract, how it is affected, its notice in the
 * ledger and its account counts, read together in one query. The records are the live objects
 * the views edit and save. */

#define G_LOG_DOMAIN "desk-customer-row"

#include "config.h"

#include "desk-customer-row.h"

struct _DeskCustomerRow
{
  GObject           parent_instance;

  DeskAffected     *affected;
  DeskCustomer     *customer;
  DeskNotification *notification;
  gint64            potential_accounts;
  gint64            confirmed_accounts;
};

G_DEFINE_FINAL_TYPE (DeskCustomerRow, desk_customer_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AFFECTED,
  PROP_CUSTOMER,
  PROP_NOTIFICATION,
  PROP_POTENTIAL_ACCOUNTS,
  PROP_CONFIRMED_ACCOUNTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_customer_row_dispose (GObject *object)
{
  DeskCustomerRow *self = DESK_CUSTOMER_ROW (object);

  g_clear_object (&self->affected);
  g_clear_object (&self->customer);
  g_clear_object (&self->notification);

  G_OBJECT_CLASS (desk_customer_row_parent_class)->dispose (object);
}

static void
desk_customer_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DeskCustomerRow *self = DESK_CUSTOMER_ROW (object);

  switch (prop_id)
    {
    case PROP_AFFECTED:
      g_value_set_object (value, self->affected);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    case PROP_NOTIFICATION:
      g_value_set_object (value, self->notification);
      break;

    case PROP_POTENTIAL_ACCOUNTS:
      g_value_set_int64 (value, self->potential_accounts);
      break;

    case PROP_CONFIRMED_ACCOUNTS:
      g_value_set_int64 (value, self->confirmed_accounts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_customer_row_class_init (DeskCustomerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_customer_row_dispose;
  object_class->get_property = desk_customer_row_get_property;

  properties[PROP_AFFECTED] =
    g_param_spec_object ("affected", NULL, NULL, DESK_TYPE_AFFECTED,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL, DESK_TYPE_CUSTOMER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTIFICATION] =
    g_param_spec_object ("notification", NULL, NULL, DESK_TYPE_NOTIFICATION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POTENTIAL_ACCOUNTS] =
    g_param_spec_int64 ("potential-accounts", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFIRMED_ACCOUNTS] =
    g_param_spec_int64 ("confirmed-accounts", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_customer_row_init (DeskCustomerRow *self)
{
}

/**
 * desk_customer_row_new:
 * @notification: (nullable): the contract's row in the notification ledger
 */
DeskCustomerRow *
desk_customer_row_new (DeskAffected     *affected,
                       DeskCustomer     *customer,
                       DeskNotification *notification,
                       gint64            potential_accounts,
                       gint64            confirmed_accounts)
{
  DeskCustomerRow *self;

  g_return_val_if_fail (DESK_IS_AFFECTED (affected), NULL);
  g_return_val_if_fail (DESK_IS_CUSTOMER (customer), NULL);

  self = g_object_new (DESK_TYPE_CUSTOMER_ROW, NULL);
  self->affected = g_object_ref (affected);
  self->customer = g_object_ref (customer);
  self->notification = notification ? g_object_ref (notification) : NULL;
  self->potential_accounts = potential_accounts;
  self->confirmed_accounts = confirmed_accounts;

  return self;
}

DeskAffected *
desk_customer_row_get_affected (DeskCustomerRow *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_ROW (self), NULL);
  return self->affected;
}

DeskCustomer *
desk_customer_row_get_customer (DeskCustomerRow *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_ROW (self), NULL);
  return self->customer;
}

/* Returns: (nullable) (transfer none): the contract's notice */
DeskNotification *
desk_customer_row_get_notification (DeskCustomerRow *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_ROW (self), NULL);
  return self->notification;
}

gint64
desk_customer_row_get_potential_accounts (DeskCustomerRow *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_ROW (self), 0);
  return self->potential_accounts;
}

gint64
desk_customer_row_get_confirmed_accounts (DeskCustomerRow *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_ROW (self), 0);
  return self->confirmed_accounts;
}
