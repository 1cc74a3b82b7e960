/** Names the data folder the engine process remembers model hashes in; set by whoever starts it. */
export const ENGINE_DATA_DIR_ENV = 'ADVISOR_DESK_ENGINE_DATA_DIR';
