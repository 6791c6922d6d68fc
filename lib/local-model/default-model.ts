/**
 * The model `npm run model:pull` fetches when given nothing else: the smallest instruct model of an
 * openly licensed family that still follows a persona's prompt. Size and checksum are the file's, as
 * published in the model's repository; a download that does not match both is refused.
 */
export const DEFAULT_LOCAL_MODEL = {
  name: "Qwen2.5-0.5B-Instruct (Q4_K_M)",
  licence: "Apache-2.0",
  file: "qwen2.5-0.5b-instruct-q4_k_m.gguf",
  url: "https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf",
  bytes: 491_400_032,
  sha256: "74a4da8c9fdbcd15bd1f6d01d621410d31c6fc00986f5eb687824e7b93d7a9db",
} as const;
