import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon and pino starts worker threads: load them from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "pino-pretty"],
  poweredByHeader: false,
  // proxy.ts refuses a larger form with a 413 before Next reads it (lib/http/action-request.ts).
  // authInterrupts: forbidden() answers a signed-in non-moderator on /moderation with a real 403.
  experimental: { serverActions: { bodySizeLimit: "1mb" }, authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
  // Persona files are read at run time from PERSONAS_DIR; make sure the default ones ship with the server.
  outputFileTracingIncludes: {
    "/**": ["./content/personas/**/*", "./drizzle/**/*"],
    // app/katex serves KaTeX's stylesheet and fonts from the installed package.
    "/katex/**": ["./node_modules/katex/dist/katex.min.css", "./node_modules/katex/dist/fonts/**/*"],
  },
};

export default nextConfig;
