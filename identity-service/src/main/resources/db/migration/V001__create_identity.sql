-- Organizers: the companies that run events. Their id is what tokens carry in "org".
create table organizer (
    id         uuid        primary key,
    name       text        not null,
    created_at timestamptz not null default now()
);

-- Staff accounts, one role each. organizer_id is null only for platform admins; events (door
-- only) narrows a door account to listed events, null meaning every event of the organizer.
-- An invited account has no password until the invitation is accepted.
create table staff_account (
    id            uuid        primary key,
    email         text        not null,
    name          text        not null,
    role          text        not null check (role in ('platform-admin', 'organizer-admin', 'organizer-staff', 'door')),
    organizer_id  uuid        references organizer (id),
    events        uuid[],
    password_hash text,
    status        text        not null check (status in ('INVITED', 'ACTIVE', 'REMOVED')),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    check ((role = 'platform-admin') = (organizer_id is null))
);

-- One live account per address; a removed account keeps its row (history) but frees the address.
create unique index staff_account_email_idx on staff_account (lower(email)) where status <> 'REMOVED';
create index staff_account_organizer_idx on staff_account (organizer_id);

-- Failed logins per address, known or not, so a lock looks the same for both.
create table login_throttle (
    email        text        primary key,
    failures     int         not null,
    locked_until timestamptz,
    last_failure timestamptz not null
);

-- Invitation and password-reset links: only a SHA-256 of the token is stored; single use.
create table one_time_token (
    token_hash text        primary key,
    staff_id   uuid        not null references staff_account (id),
    purpose    text        not null check (purpose in ('INVITATION', 'PASSWORD_RESET')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index one_time_token_staff_idx on one_time_token (staff_id, purpose);

-- Door devices registered by a door login through the door-app client. authorization_id is the
-- Spring Authorization Server authorization holding the device's refresh token.
create table device (
    id               uuid        primary key,
    organizer_id     uuid        not null references organizer (id),
    staff_id         uuid        not null references staff_account (id),
    name             text        not null,
    authorization_id text,
    registered_at    timestamptz not null,
    last_seen_at     timestamptz not null,
    revoked_at       timestamptz,
    revoked_by       text
);

create index device_organizer_idx on device (organizer_id, registered_at desc);
create index device_authorization_idx on device (authorization_id);

-- Confidential client-credentials clients (scripts): what their tokens may do.
create table script_client (
    client_id    text   primary key,
    roles        text[] not null,
    organizer_id uuid   references organizer (id)
);

-- RS256 signing keys. The newest activated key signs; a superseded key stays in the JWKS until
-- retire_after (its last token expired), then drops out.
create table signing_key (
    kid          text        primary key,
    public_key   text        not null,
    private_key  text        not null,
    created_at   timestamptz not null,
    activated_at timestamptz not null,
    retire_after timestamptz
);

-- Spring Authorization Server's own tables (its schema, adapted for PostgreSQL as it advises).
create table oauth2_registered_client (
    id                            varchar(100)  primary key,
    client_id                     varchar(100)  not null,
    client_id_issued_at           timestamptz   default current_timestamp not null,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200)  not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null
);

create table oauth2_authorization (
    id                            varchar(100) primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);

create index oauth2_authorization_principal_idx on oauth2_authorization (principal_name);
