"""The tool hub: the catalog and its cache, tool retrieval, the direct and MCP call routes, the MCP server,
external servers."""
