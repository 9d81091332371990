-- The GPUs a trial was given, as CUDA_VISIBLE_DEVICES lists them: "0,2". Null when none.
ALTER TABLE trial ADD COLUMN gpu_indices VARCHAR(200);
